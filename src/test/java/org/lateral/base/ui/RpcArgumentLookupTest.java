package org.lateral.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.VaadinContext;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

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

    /** A context that, as Vaadin's servlet context does, refuses a second Lookup. */
    static final class Context implements VaadinContext {
        private final Map<Class<?>, Object> attributes = new HashMap<>();

        @Override
        public <T> T getAttribute(Class<T> type, Supplier<T> defaultValueSupplier) {
            Object value = attributes.get(type);
            return value == null && defaultValueSupplier != null ? defaultValueSupplier.get() : type.cast(value);
        }

        @Override
        public <T> void setAttribute(Class<T> clazz, T value) {
            if (clazz == Lookup.class && attributes.containsKey(Lookup.class)) {
                throw new IllegalStateException("A Lookup is already set");
            }
            attributes.put(clazz, value);
        }

        @Override
        public void removeAttribute(Class<?> clazz) {
            attributes.remove(clazz);
        }

        @Override
        public Enumeration<String> getContextParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String getContextParameter(String name) {
            return null;
        }
    }

    @Test
    void the_template_handler_is_looked_up_once_and_other_services_every_time() {
        Context context = new Context();
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
