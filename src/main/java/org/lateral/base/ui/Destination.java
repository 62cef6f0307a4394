package org.lateral.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * A page of this app, named by its view class (and the view's URL parameter), never by a path
 * typed out. Each feature's public {@code XxxNavigation} class hands these out for its own views
 * (the views stay package-private), and {@link NamedRoutes} does so for the few links that point
 * against the dependency direction. So a route template is written once, in its view's
 * {@code @Route}; renaming it changes no caller, and a link to a removed view does not compile.
 *
 * <p>Why one value with {@link #anchor}, {@link #navigate} and {@link #forward} rather than
 * {@code RouterLink} or bare {@code UI.navigate(Class)}: the same pages are reached by plain links
 * (which the views style, give test ids and sometimes open in a new tab) and by server-side
 * navigation after an action, so one typed target serves both and the addresses cannot drift
 * apart. The href comes from {@link RouteConfiguration#forApplicationScope()}, the registry that
 * {@code @Route} fills at start-up (no route here is added per session), and is the same
 * relative path {@code UI.navigate} computes, so links look exactly as they did when typed out.
 * Only this class calls the string forms of {@code navigate}, {@code forwardTo} and
 * {@code new Anchor}; {@code ArchitectureTest} holds everyone else to that.
 */
public final class Destination {

    /**
     * How Vaadin reaches one view, captured where the view's parameter type is still known. Without
     * a query string it uses Vaadin's overloads without one: {@code forwardTo(view, query)} also
     * replaces the query of the request being forwarded, which the typed-out paths never did.
     */
    private interface Target {
        String path(RouteConfiguration routes);

        void navigate(UI ui, @Nullable QueryParameters query);

        void forward(BeforeEvent event, @Nullable QueryParameters query);
    }

    private final Class<? extends Component> view;
    private final Target target;
    private final @Nullable QueryParameters query;

    private Destination(Class<? extends Component> view, Target target, @Nullable QueryParameters query) {
        this.view = view;
        this.target = target;
        this.query = query;
    }

    /** A view without a URL parameter. */
    public static Destination of(Class<? extends Component> view) {
        return new Destination(
                view,
                new Target() {
                    @Override
                    public String path(RouteConfiguration routes) {
                        return routes.getUrl(view);
                    }

                    @Override
                    public void navigate(UI ui, @Nullable QueryParameters query) {
                        if (query == null) {
                            ui.navigate(view);
                        } else {
                            ui.navigate(view, query);
                        }
                    }

                    @Override
                    public void forward(BeforeEvent event, @Nullable QueryParameters query) {
                        if (query == null) {
                            event.forwardTo(view);
                        } else {
                            event.forwardTo(view, query);
                        }
                    }
                },
                null);
    }

    /** A view that takes its id (or other text) as the URL parameter after its route. */
    public static <C extends Component & HasUrlParameter<String>> Destination of(Class<C> view, String parameter) {
        return new Destination(
                view,
                new Target() {
                    @Override
                    public String path(RouteConfiguration routes) {
                        return routes.getUrl(view, parameter);
                    }

                    @Override
                    public void navigate(UI ui, @Nullable QueryParameters query) {
                        if (query == null) {
                            ui.navigate(view, parameter);
                        } else {
                            ui.navigate(view, parameter, query);
                        }
                    }

                    @Override
                    public void forward(BeforeEvent event, @Nullable QueryParameters query) {
                        if (query == null) {
                            event.forwardTo(view, parameter);
                        } else {
                            event.forwardTo(view, parameter, query);
                        }
                    }
                },
                null);
    }

    /** The same page with a query string, such as the sign-in page's {@code ?joined=1}. */
    public Destination withQuery(QueryParameters query) {
        return new Destination(view, target, query);
    }

    /** The view class this leads to: for a test, or for a check like "is this the sign-in page". */
    public Class<? extends Component> view() {
        return view;
    }

    /** The relative address, as a link's href: {@code results/<id>}, {@code login?joined=1}, or "" for the root. */
    public String url() {
        String path = target.path(RouteConfiguration.forApplicationScope());
        String queryString = query == null ? "" : query.getQueryString();
        return queryString.isEmpty() ? path : path + "?" + queryString;
    }

    /** A link to this page; the caller adds classes, test ids and {@code router-link} as before. */
    public Anchor anchor(String text) {
        return new Anchor(url(), text);
    }

    /** Goes there now, as after a button's action. */
    public void navigate(UI ui) {
        target.navigate(ui, query);
    }

    /** Sends a navigation that is under way there instead, from a {@code beforeEnter}. */
    public void forward(BeforeEvent event) {
        target.forward(event, query);
    }
}
