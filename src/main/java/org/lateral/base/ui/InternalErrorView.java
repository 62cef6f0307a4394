package org.lateral.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Vaadin's default error page, which shows a stack trace in development. The user sees
 * what happened in plain words and a reference that matches the log line for the IT person.
 */
@AnonymousAllowed
public class InternalErrorView extends Div implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    public InternalErrorView() {
        addClassName("error-page");
        setTestId("error-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("base.pageTitle", getTranslation("base.error.title"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Unexpected error (reference {}) on {}",
                reference,
                event.getLocation().getPath(),
                parameter.getCaughtException());
        removeAll();
        add(
                new H2(getTranslation("base.error.title")),
                new Paragraph(getTranslation("base.error.text", reference)),
                BaseNavigation.home().anchor(getTranslation("base.errorPage.home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
