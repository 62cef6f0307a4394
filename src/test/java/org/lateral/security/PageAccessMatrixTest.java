package org.lateral.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.lateral.base.Schools;
import org.lateral.base.ui.NotFoundView;
import org.lateral.classroom.ClassroomAdministration;
import org.lateral.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every page of Lateral opened by every kind of visitor: someone not signed in, a student, a
 * teacher and a school admin who is not a teacher. What each may open is written out below; a new
 * page, a removed one or a changed rule makes this test fail until the table is changed with it.
 *
 * <p>"Opens" means the page's access rule lets the visitor in. A page about a class or an article
 * that does not exist may still say "not found" to a visitor it lets in; so a refusal is read from
 * the access control itself: for a signed-in person, the refusal it writes to the audit trail
 * ({@link PageDenials}); for someone not signed in, the address it keeps to return to after sign-in
 * (it keeps one only when it sends the visitor to sign in).
 */
@LateralTest
class PageAccessMatrixTest extends SpringBrowserlessTest {

    private static final String PASSWORD = "a long enough password";

    /** Someone not signed in, and the three roles, as the table's rows. */
    enum Visitor {
        ANONYMOUS,
        STUDENT,
        TEACHER,
        ADMIN
    }

    private static final Set<String> SIGNED_IN = Set.of("", "password", "language");
    private static final Set<String> ANYONE = Set.of("login", "join", "setup", "invite/:___url_parameter?");

    /** The pages each visitor may open, by route template. */
    private static final Map<Visitor, Set<String>> EXPECTED = Map.of(
            Visitor.ANONYMOUS,
            ANYONE,
            Visitor.STUDENT,
            union(
                    ANYONE,
                    SIGNED_IN,
                    Set.of("my", "progress", "practice", "assignment/:___url_parameter", "feedback/:___url_parameter")),
            Visitor.TEACHER,
            union(
                    ANYONE,
                    SIGNED_IN,
                    Set.of(
                            "classes",
                            "class/:___url_parameter",
                            "practice",
                            "review/:___url_parameter",
                            "results/:___url_parameter",
                            "dashboards",
                            "dashboards/class/:___url_parameter",
                            "dashboards/assignment/:___url_parameter",
                            "dashboards/student/:___url_parameter*",
                            "library",
                            "library/import",
                            "library/article/:___url_parameter",
                            "library/article/edit/:___url_parameter",
                            "library/outlet/:___url_parameter",
                            "library/outlet/edit/:___url_parameter",
                            "library/key/:___url_parameter",
                            "library/story-set-key/:___url_parameter",
                            "print/slips/:___url_parameter",
                            "print/join-code/:___url_parameter")),
            Visitor.ADMIN,
            union(
                    ANYONE,
                    SIGNED_IN,
                    Set.of(
                            "admin/school",
                            "admin/audit",
                            "dashboards",
                            "dashboards/school",
                            "print/slips/:___url_parameter")));

    @Autowired
    ClassroomAdministration administration;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    /** The template's address with a made-up id for each parameter. */
    private static String address(String template) {
        String id = UUID.randomUUID().toString();
        return template.replace(":___url_parameter*", id + "/" + UUID.randomUUID())
                .replace(":___url_parameter?", id)
                .replace(":___url_parameter", id);
    }

    @Test
    void each_visitor_opens_exactly_the_pages_the_table_lists() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<Visitor, String> accounts = new LinkedHashMap<>();
        accounts.put(Visitor.STUDENT, account("matrix-student-" + run, Role.STUDENT));
        accounts.put(Visitor.TEACHER, account("matrix-teacher-" + run, Role.TEACHER));
        accounts.put(Visitor.ADMIN, account("matrix-admin-" + run, Role.ADMIN));

        // The application's pages: views written for tests only (an exploding page) are left out.
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> !isTestCode(route.getNavigationTarget()))
                .toList();
        assertThat(routes.stream().map(RouteData::getNavigationTarget).map(Class::getName))
                .as("the router knows every @Route class of the application")
                .containsExactlyInAnyOrderElementsOf(routeClasses());

        Map<Visitor, Set<String>> opened = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        int checks = 0;
        for (Visitor visitor : Visitor.values()) {
            signInFresh(accounts.get(visitor));
            Set<String> open = new TreeSet<>();
            for (RouteData route : routes) {
                checks++;
                if (opens(route, accounts.get(visitor))) {
                    open.add(route.getTemplate());
                }
            }
            opened.put(visitor, open);
            for (String template : union(open, EXPECTED.get(visitor))) {
                boolean expected = EXPECTED.get(visitor).contains(template);
                if (open.contains(template) != expected) {
                    differences.add(visitor + " "
                            + (expected ? "expected to open but refused: " : "opens but is not in the table: ") + "'"
                            + template + "'");
                }
            }
        }
        System.out.printf(
                "Page matrix: %d routes x %d roles, %d checks, %d differences%n",
                routes.size(), Visitor.values().length, checks, differences.size());
        assertThat(differences).as("observed: " + opened).isEmpty();
    }

    private String account(String username, Role role) {
        administration.ensureAccount(Schools.DEFAULT_SCHOOL_ID, username, "Matrix " + role, Set.of(role), PASSWORD);
        return username;
    }

    /** A new Vaadin session for the visitor: signed in as the account, or not signed in at all. */
    private void signInFresh(String username) {
        cleanVaadinEnvironment();
        if (username == null) {
            SecurityContextHolder.clearContext();
        } else {
            UserDetails user = users.loadUserByUsername(username);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
        }
        initVaadinEnvironment();
    }

    private boolean opens(RouteData route, String username) {
        String path = address(route.getTemplate());
        String page = route.getNavigationTarget().getSimpleName();
        if (username == null) {
            var session = VaadinSession.getCurrent().getSession();
            session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
            navigate(path, com.vaadin.flow.component.Component.class);
            boolean sentToSignIn = session.getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT) != null;
            if (sentToSignIn) {
                assertThat(getCurrentView())
                        .as(path + " refused: the sign-in page")
                        .isInstanceOf(LoginView.class);
            }
            return !sentToSignIn;
        }
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event")
                .query(Long.class)
                .single();
        navigate(path, com.vaadin.flow.component.Component.class);
        boolean refused = jdbc.sql("""
                        SELECT count(*) FROM audit_event
                         WHERE id > :before AND action = 'PAGE_DENIED' AND actor_username = :u AND detail = :page
                        """)
                        .param("before", before)
                        .param("u", username)
                        .param("page", page)
                        .query(Integer.class)
                        .single()
                > 0;
        if (refused) {
            assertThat(getCurrentView()).as(path + " refused: page not found").isInstanceOf(NotFoundView.class);
        }
        return !refused;
    }

    private static Set<String> routeClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> names = new TreeSet<>();
        scanner.findCandidateComponents("org.lateral").forEach(bean -> {
            try {
                if (!isTestCode(Class.forName(bean.getBeanClassName()))) {
                    names.add(bean.getBeanClassName());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        return names;
    }

    private static boolean isTestCode(Class<?> type) {
        return type.getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath()
                .contains("test-classes");
    }
}
