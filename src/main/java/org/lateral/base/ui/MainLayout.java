package org.lateral.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
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
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final AuthenticationContext authentication;

    MainLayout(AuthenticationContext authentication, LateralMode mode) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);

        H1 title = new H1("Lateral");
        title.addClassName("app-title");
        Div header = new Div(new DrawerToggle(), title);
        header.addClassName("app-header");
        if (mode.demo()) {
            header.add(new DemoBanner());
        }
        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.addClassName("app-user");
        user.setTestId("current-user");
        Button logout = new Button("Sign out", e -> {
            // Unsent marks wait in the browser per user and submission; on a shared school
            // computer they must not outlive the sign-out. The prefix is passed as a parameter.
            getElement()
                    .executeJs(
                            "for (const k of Object.keys(localStorage)) { if (k.startsWith($0)) localStorage.removeItem(k); }",
                            OutboxKeys.prefixFor(authentication
                                    .getAuthenticatedUser(UserDetails.class)
                                    .map(u -> u.getUsername())
                                    .orElse("")));
            this.authentication.logout();
        });
        logout.setTestId("logout");
        Div account = new Div(user, logout);
        account.addClassName("app-account");
        header.add(account);
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.setLabel("Main");
        nav.setTestId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = entry.icon() == null
                    ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
            // "/library" -> nav-library: a stable test id per menu entry.
            item.setTestId("nav-" + entry.path().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
            nav.addItem(item);
        }
        addToDrawer(nav);
    }
}
