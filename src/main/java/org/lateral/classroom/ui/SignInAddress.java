package org.lateral.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The web address students type to reach this Lateral, printed on sign-in slips and shown with
 * the join code. The operator names it ({@code LATERAL_PUBLIC_ADDRESS}) when the server cannot
 * know it, behind a proxy that renames the host; otherwise it is the address the teacher's own
 * browser used to open Lateral (the document's base address, so a context path is kept), which
 * is the one a student in the same school reaches it by.
 */
@Component
class SignInAddress {

    private final String configured;

    SignInAddress(@Value("${lateral.public-address:}") String configured) {
        this.configured = withoutTrailingSlash(configured.strip());
    }

    /** The bean, for classroom parts that other features construct without injection. */
    static SignInAddress get() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(SignInAddress.class);
    }

    /** Hands the address to {@code then}: at once when configured, else once the browser says it. */
    void whenKnown(UI ui, SerializableConsumer<String> then) {
        if (!configured.isEmpty()) {
            then.accept(configured);
            return;
        }
        ui.getPage()
                .executeJs("return document.baseURI")
                .then(String.class, base -> then.accept(withoutTrailingSlash(base)));
    }

    /** The page a student joins a class on, under this address. */
    static String joinPage(String address) {
        return address + "/" + ClassroomNavigation.join().url();
    }

    static String withoutTrailingSlash(String address) {
        return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }
}
