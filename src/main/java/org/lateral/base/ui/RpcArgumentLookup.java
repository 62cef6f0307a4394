package org.lateral.base.ui;

import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletContext;
import jakarta.servlet.ServletContext;
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

    /** Puts the remembering lookup in front of the servlet context's own; a second call changes nothing. */
    static void install(VaadinContext context) {
        if (!(context instanceof VaadinServletContext servletContext)) {
            return;
        }
        install(servletContext.getContext());
    }

    /**
     * Vaadin's {@code VaadinServletContext} refuses to set or remove a {@link Lookup} once one is
     * set (it must not be swapped for another by mistake), so the wrapper goes straight into the
     * servlet context attribute Vaadin reads it from, under the same lock. Nothing is swapped:
     * every question still reaches the same lookup, one answer is remembered.
     */
    static void install(ServletContext servletContext) {
        synchronized (servletContext) {
            Object lookup = servletContext.getAttribute(Lookup.class.getName());
            if (lookup instanceof Lookup vaadins && !(lookup instanceof Remembering)) {
                servletContext.setAttribute(Lookup.class.getName(), new Remembering(vaadins));
            }
        }
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
