package org.lateral.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.VaadinServletContext;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;

/** Vaadin's per-argument lookup of a template handler is asked once; everything else goes through. */
class RpcArgumentLookupTest {

    /** A lookup that counts how often it is asked, as Spring's would scan the jars each time. */
    static final class Counting implements Lookup {
        final AtomicInteger templateQuestions = new AtomicInteger();
        final AtomicInteger otherQuestions = new AtomicInteger();

        @Override
        public <T> T lookup(Class<T> serviceClass) {
            if (serviceClass == DeprecatedPolymerPublishedEventHandler.class) {
                templateQuestions.incrementAndGet();
                return null;
            }
            otherQuestions.incrementAndGet();
            return serviceClass == String.class ? serviceClass.cast("from Vaadin") : null;
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> serviceClass) {
            otherQuestions.incrementAndGet();
            return List.of();
        }
    }

    @Test
    void the_template_handler_is_looked_up_once_and_other_services_every_time() {
        // Vaadin's own context over a servlet context, with its refusal to swap a Lookup.
        VaadinServletContext context = new VaadinServletContext(new MockServletContext());
        Counting vaadins = new Counting();
        context.setAttribute(Lookup.class, vaadins);

        RpcArgumentLookup.install(context);
        RpcArgumentLookup.install(context);
        Lookup installed = context.getAttribute(Lookup.class);
        for (int i = 0; i < 5; i++) {
            assertThat(installed.lookup(DeprecatedPolymerPublishedEventHandler.class))
                    .isNull();
        }
        assertThat(installed.lookup(String.class)).isEqualTo("from Vaadin");
        assertThat(installed.lookup(String.class)).isEqualTo("from Vaadin");
        assertThat(installed.lookupAll(Integer.class)).isEmpty();

        assertThat(vaadins.templateQuestions).hasValue(1);
        assertThat(vaadins.otherQuestions).hasValue(3);
        assertThat(installed).isInstanceOf(RpcArgumentLookup.Remembering.class);
    }
}
