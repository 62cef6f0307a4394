package org.lateral.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.lateral.base.LateralMode;
import org.lateral.base.highlighter.OutboxKeys;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The frame around every signed-in page. The navigation lists only the views the signed-in user
 * may open: each view declares its menu entry ({@code @Menu}) and its roles, and
 * {@link MenuConfiguration} filters by those roles. So a teacher sees Classes, Library and
 * Dashboards, a student sees My assignments, and this layout needs to know no feature.
 *
 * <p>It also does for every page what a page load would do and a Vaadin navigation does not: the
 * new page starts at the top with focus on its heading ({@link MainContentFocus}), and a "Skip to
 * main content" link is the first thing Tab reaches.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The path the UI showed last, kept per browser tab (UI) across layouts. */
    private static final String LAST_PATH = MainLayout.class.getName() + ".lastPath";

    private final AuthenticationContext authentication;
    private Popover panel;

    MainLayout(AuthenticationContext authentication, LateralMode mode) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);

        // A fragment link, not a route: the script moves focus to the view's heading instead of
        // letting the browser look for an id that Vaadin views do not have.
        Element skipLink = new Element("a");
        skipLink.setAttribute("href", "#main-content");
        skipLink.setText(getTranslation("base.layout.skipLink"));
        skipLink.setAttribute("class", "skip-link");
        skipLink.setAttribute("data-testid", "skip-link");

        H1 title = new H1("Lateral");
        title.addClassName("app-title");
        Div header = new Div(new DrawerToggle(), title);
        header.getElement().insertChild(0, skipLink);
        header.addClassName("app-header");
        if (mode.demo()) {
            header.add(new DemoBanner());
        }
        header.add(accountMenu());
        addToNavbar(header);
        MainContentFocus.onSkipLinkClick(this, skipLink);

        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("base.layout.mainNav"));
        nav.setTestId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null
                    ? new SideNavItem(getTranslation(entry.title()), entry.path())
                    : new SideNavItem(getTranslation(entry.title()), entry.path(), new Icon(entry.icon()));
            // Menu titles are translation keys (base.menu.*), declared on each view's @Menu.
            // "/library" -> nav-library: a stable test id per menu entry.
            item.setTestId("nav-" + entry.path().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
            nav.addItem(item);
        }
        addToDrawer(nav);
    }

    /**
     * The signed-in user's name opens a small panel with what concerns the account itself. A
     * popover rather than Vaadin's MenuBar: the menu bar's sub-menu items carry ARIA attributes
     * their role does not allow (axe, critical), while a button that opens a labelled panel with a
     * link and a button is plain to every screen reader. Enter or a click opens it, Tab moves
     * through it, Escape closes it and puts the focus back on the name.
     */
    private Div accountMenu() {
        String userName = authentication.getPrincipalName().orElse("");
        Span name = new Span(userName);
        name.addClassName("app-user");
        name.setTestId("current-user");
        Button open = new Button();
        open.getElement().appendChild(name.getElement());
        open.setSuffixComponent(new Icon(VaadinIcon.CHEVRON_DOWN_SMALL));
        open.addThemeVariants(ButtonVariant.TERTIARY);
        open.setAriaLabel(getTranslation("base.layout.accountOf", userName));
        open.setTestId("account-menu");

        Anchor password = NamedRoutes.changePassword().anchor(getTranslation("base.layout.changePassword"));
        password.getElement().setAttribute("router-link", true);
        password.setTestId("change-password");
        Anchor language = NamedRoutes.language().anchor(getTranslation("base.layout.language"));
        language.getElement().setAttribute("router-link", true);
        language.setTestId("choose-language");
        Button signOut = new Button(getTranslation("base.layout.signOut"), e -> signOut());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.setTestId("logout");

        Div items = new Div(password, language, signOut);
        items.addClassName("account-panel");
        panel = new Popover(items);
        panel.setTarget(open);
        panel.setPosition(PopoverPosition.BOTTOM_END);
        panel.setAriaLabel(getTranslation("base.layout.account"));
        panel.setAutofocus(true);

        Div account = new Div(open, panel);
        account.addClassName("app-account");
        return account;
    }

    private void signOut() {
        // Unsent marks wait in the browser per user and submission; on a shared school computer
        // they must not outlive the sign-out. The prefix is passed as a parameter.
        getElement()
                .executeJs(
                        "for (const k of Object.keys(localStorage)) { if (k.startsWith($0)) localStorage.removeItem(k); }",
                        OutboxKeys.prefixFor(authentication
                                .getAuthenticatedUser(UserDetails.class)
                                .map(u -> u.getUsername())
                                .orElse("")));
        authentication.logout();
    }

    /**
     * A new page (another path, not a changed query) moves focus and scroll; the first page of a
     * tab does not, so the browser's own start (focus on the document, Tab reaches the skip link
     * first) stays as it is.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        UI ui = UI.getCurrent();
        String path = event.getLocation().getPath();
        Object last = ComponentUtil.getData(ui, LAST_PATH);
        ComponentUtil.setData(ui, LAST_PATH, path);
        // A link of the account panel was followed: the panel must not stay open over the new page.
        panel.close();
        if (last != null && !last.equals(path)) {
            MainContentFocus.afterNavigation(this);
        }
    }
}
