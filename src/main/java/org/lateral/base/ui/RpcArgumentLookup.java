package org.lateral.base.ui;

import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers Vaadin's per-argument question "is there a Polymer template handler?" once instead of
 * on every browser call (issue 18, DD028).
 *
 * <p>For each argument of a {@code @ClientCallable} that is not a primitive (a mark, a string),
 * Vaadin 25 asks the context's {@link Lookup} for a {@link DeprecatedPolymerPublishedEventHandler}.
 * Spring's lookup caches only the services Vaadin ships defaults for, so each call asks Spring
 * for beans of that type and then runs a {@link java.util.ServiceLoader} over every jar of the
 * application: a profile of students saving marks put 16 % of the server's CPU there, more than
 * the database work of a save. Lateral has no Polymer templates, and which handler exists cannot
 * change while the application runs, so the answer is kept. Every other question goes to
 * Vaadin's lookup unchanged.
 */
@Component
class RpcArgumentLookup implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        install(event.getSource().getContext());
    }

    /** Puts the remembering lookup in front of the context's own; a second call changes nothing. */
    static void install(VaadinContext context) {
        Lookup lookup = context.getAttribute(Lookup.class);
        if (lookup == null || lookup instanceof Remembering) {
            return;
        }
        // Vaadin refuses a second Lookup in a context, so the first one is taken out first.
        context.removeAttribute(Lookup.class);
        context.setAttribute(Lookup.class, new Remembering(lookup));
    }

    /** Vaadin's lookup, with the template handler's answer (usually none) asked once. */
    static final class Remembering implements Lookup {
        private final Lookup delegate;
        private volatile boolean asked;
        private volatile @Nullable DeprecatedPolymerPublishedEventHandler templates;

        Remembering(Lookup delegate) {
            this.delegate = delegate;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> @Nullable T lookup(Class<T> serviceClass) {
            if (serviceClass != DeprecatedPolymerPublishedEventHandler.class) {
                return delegate.lookup(serviceClass);
            }
            if (!asked) {
                templates = delegate.lookup(DeprecatedPolymerPublishedEventHandler.class);
                asked = true;
            }
            return (T) templates;
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> serviceClass) {
            return delegate.lookupAll(serviceClass);
        }
    }
}
