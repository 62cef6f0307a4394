package org.lateral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.lateral.base.ui.BaseNavigation;
import org.lateral.base.ui.Destination;
import org.lateral.base.ui.ExternalLink;
import org.lateral.base.ui.HomeView;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.security.Trusted;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * Keeps the layout described in the README ("Where things are") honest: dependencies between
 * features run one way, views stay thin, every screen says who may open it, every service method
 * declares who may call it, and pages are reached by view class, not by path.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lateral");

    /**
     * Vaadin's ways to go to a page by a path in a String: {@code UI.navigate(String…)},
     * {@code forwardTo}/{@code rerouteTo(String…)} in a {@code beforeEnter}, and an {@link Anchor}
     * given its href as a String. The typed overloads (a view class) are not matched. The app links
     * to no other site but an article's original address, through {@link ExternalLink}, excepted
     * below; another link that must would get its own exception here, with its reason.
     */
    private static final DescribedPredicate<JavaCall<?>> ROUTE_BY_STRING =
            new DescribedPredicate<>(
                    "UI.navigate, BeforeEvent.forwardTo/rerouteTo or an Anchor's href with a String path") {
                @Override
                public boolean test(JavaCall<?> call) {
                    CodeUnitCallTarget target = call.getTarget();
                    List<JavaClass> parameters = target.getRawParameterTypes();
                    if (parameters.isEmpty() || !parameters.getFirst().isEquivalentTo(String.class)) {
                        return false;
                    }
                    String name = target.getName();
                    JavaClass owner = target.getOwner();
                    return owner.isAssignableTo(UI.class) && name.equals("navigate")
                            || owner.isAssignableTo(BeforeEvent.class)
                                    && Set.of("forwardTo", "rerouteTo", "forwardToUrl")
                                            .contains(name)
                            || owner.isAssignableTo(Anchor.class)
                                    && Set.of(JavaConstructor.CONSTRUCTOR_NAME, "setHref")
                                            .contains(name);
                }
            };

    private static final ArchRule NO_ROUTE_BY_STRING = noClasses()
            .that()
            .resideInAPackage("org.lateral..")
            .and()
            .doNotHaveFullyQualifiedName(Destination.class.getName())
            // The one link to another site (an article's original address): absolute http(s) only.
            .and()
            .doNotHaveFullyQualifiedName(ExternalLink.class.getName())
            .should()
            .callCodeUnitWhere(ROUTE_BY_STRING)
            .because("a route is written once, in its view's @Route: link and navigate with the Destination that the "
                    + "owning feature's XxxNavigation hands out (NamedRoutes for a link against the dependency "
                    + "direction), so that renaming a route cannot leave a typed-out path behind");

    private static final ArchRule DESTINATIONS_ONLY_FROM_NAVIGATION_CLASSES = noClasses()
            .that()
            .resideInAPackage("org.lateral..")
            .and()
            .haveSimpleNameNotEndingWith("Navigation")
            .and()
            .doNotHaveFullyQualifiedName(NamedRoutes.class.getName())
            .should()
            .callMethod(Destination.class, "of", Class.class)
            .orShould()
            .callMethod(Destination.class, "of", Class.class, String.class)
            .because("one class per feature knows its views and their parameters; views ask it for a Destination");

    @Test
    void base_depends_on_no_feature_and_not_on_security() {
        noClasses()
                .that()
                .resideInAPackage("org.lateral.base..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.lateral.security..",
                        "org.lateral.classroom..",
                        "org.lateral.library..",
                        "org.lateral.assignment..",
                        "org.lateral.submission..",
                        "org.lateral.dashboard..",
                        "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void security_depends_on_no_feature() {
        noClasses()
                .that()
                .resideInAPackage("org.lateral.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.lateral.classroom..",
                        "org.lateral.library..",
                        "org.lateral.assignment..",
                        "org.lateral.submission..",
                        "org.lateral.dashboard..",
                        "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void classroom_and_library_do_not_depend_on_later_features() {
        noClasses()
                .that()
                .resideInAnyPackage("org.lateral.classroom..", "org.lateral.library..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.lateral.assignment..",
                        "org.lateral.submission..",
                        "org.lateral.dashboard..",
                        "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void classroom_and_library_do_not_depend_on_each_other() {
        noClasses()
                .that()
                .resideInAPackage("org.lateral.classroom..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.lateral.library..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("org.lateral.library..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.lateral.classroom..")
                .check(MAIN);
    }

    @Test
    void assignment_does_not_depend_on_submission_dashboard_or_demo() {
        noClasses()
                .that()
                .resideInAPackage("org.lateral.assignment..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.lateral.submission..", "org.lateral.dashboard..", "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void submission_does_not_depend_on_dashboard_or_demo() {
        noClasses()
                .that()
                .resideInAPackage("org.lateral.submission..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.lateral.dashboard..", "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void nothing_depends_on_demo_or_dashboard() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.lateral.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.lateral.demo..")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackages("org.lateral.dashboard..", "org.lateral.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.lateral.dashboard..")
                .check(MAIN);
    }

    @Test
    void features_have_no_dependency_cycles() {
        slices().matching("org.lateral.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void views_never_use_repositories_or_trusted_services() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .areAnnotatedWith(Trusted.class)
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("JdbcClient")
                .because("views call the services that check who may do what (DD003, DD009)")
                .check(MAIN);
    }

    @Test
    void every_public_method_of_a_service_declares_who_may_call_it() {
        methods()
                .that()
                .arePublic()
                .and()
                .areNotStatic()
                .and()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Service.class)
                .and()
                .areDeclaredInClassesThat()
                .areNotAnnotatedWith(Trusted.class)
                .should()
                .beAnnotatedWith(PreAuthorize.class)
                .orShould()
                .beMetaAnnotatedWith(PreAuthorize.class)
                .because("an access rule the build can see cannot be forgotten (DD009)")
                .check(MAIN);
    }

    @Test
    void access_rules_name_the_parameter_they_check() {
        // A rule such as @TeacherOfClass reads #classId: the method must have that parameter,
        // or Spring evaluates the rule against null and refuses every call.
        for (var method : MAIN.stream().flatMap(c -> c.getMethods().stream()).toList()) {
            for (var annotation : method.getAnnotations()) {
                var rule = annotation.getRawType().tryGetAnnotationOfType(PreAuthorize.class);
                if (rule.isEmpty()) {
                    continue;
                }
                var name = Pattern.compile("#(\\w+)").matcher(rule.get().value());
                while (name.find()) {
                    var parameters = Arrays.stream(
                                    method.reflect() instanceof Method m ? m.getParameters() : new Parameter[0])
                            .map(Parameter::getName)
                            .toList();
                    Assertions.assertThat(parameters)
                            .as(method.getFullName() + " carries @"
                                    + annotation.getRawType().getSimpleName())
                            .contains(name.group(1));
                }
            }
        }
    }

    @Test
    void every_view_and_layout_declares_who_may_open_it() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .or()
                .areAnnotatedWith(Layout.class)
                .should()
                .beAnnotatedWith(AnonymousAllowed.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .orShould()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(DenyAll.class)
                .check(MAIN);
    }

    @Test
    void no_code_uses_java_util_random_for_anything() {
        // Tokens and join codes must be unguessable: SecureRandom only.
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random")
                .check(MAIN);
    }

    @Test
    void no_page_is_reached_by_a_path_typed_out_as_a_string() {
        NO_ROUTE_BY_STRING.check(MAIN);
    }

    @Test
    void the_route_rule_catches_typed_out_paths_and_lets_destinations_pass() {
        // The rule matches calls by their signatures, so check it against the calls it is meant
        // to catch, compiled as a view would write them, and against the typed way.
        EvaluationResult result = NO_ROUTE_BY_STRING.evaluate(
                new ClassFileImporter().importClasses(TypedOutPaths.class, TypedDestinations.class));
        List<String> violations = result.getFailureReport().getDetails();
        assertThat(violations).hasSize(6).allMatch(v -> v.contains(TypedOutPaths.class.getName()));
        assertThat(violations)
                .anyMatch(v -> v.contains("UI.navigate(java.lang.String)"))
                .anyMatch(v -> v.contains("UI.navigate(java.lang.String, com.vaadin.flow.router.QueryParameters)"))
                .anyMatch(v -> v.contains("forwardTo(java.lang.String)"))
                .anyMatch(v -> v.contains("Anchor.<init>(java.lang.String, java.lang.String)"))
                .anyMatch(v -> v.contains("setHref(java.lang.String)"));
    }

    @Test
    void destinations_are_made_only_by_the_navigation_classes() {
        DESTINATIONS_ONLY_FROM_NAVIGATION_CLASSES.check(MAIN);
    }

    @Test
    void the_destination_rule_catches_a_view_that_makes_its_own() {
        EvaluationResult result = DESTINATIONS_ONLY_FROM_NAVIGATION_CLASSES.evaluate(
                new ClassFileImporter().importClasses(MakesItsOwnDestination.class, FixtureNavigation.class));
        assertThat(result.getFailureReport().getDetails())
                .hasSize(1)
                .allMatch(v -> v.contains(MakesItsOwnDestination.class.getName()) && v.contains("Destination.of"));
    }

    /** Route by string, the ways the rule must refuse. */
    @SuppressWarnings("unused")
    static class TypedOutPaths {
        void afterAnAction(UI ui, UUID assignmentId) {
            ui.navigate("results/" + assignmentId);
        }

        void afterJoining(UI ui) {
            ui.navigate("login", QueryParameters.of("joined", "1"));
        }

        void home(BeforeEnterEvent event) {
            event.forwardTo("my");
        }

        Anchor link(UUID classId) {
            return new Anchor("class/" + classId, "Class");
        }

        void inALambda(Optional<UI> ui) {
            ui.ifPresent(u -> u.navigate("join"));
        }

        Anchor laterLink(UUID classId) {
            Anchor anchor = new Anchor();
            anchor.setHref("class/" + classId);
            return anchor;
        }
    }

    /** The typed way, which the rule must let pass. */
    @SuppressWarnings("unused")
    static class TypedDestinations {
        void afterAnAction(UI ui) {
            BaseNavigation.home().navigate(ui);
        }

        void home(BeforeEnterEvent event) {
            NamedRoutes.studentHome().forward(event);
        }

        Anchor link() {
            return BaseNavigation.home().anchor("Home");
        }
    }

    /** A view making its own Destination, which the rule must refuse. */
    @SuppressWarnings("unused")
    static class MakesItsOwnDestination {
        Destination home() {
            return Destination.of(HomeView.class);
        }
    }

    /** A navigation class, the one kind that may make them. */
    @SuppressWarnings("unused")
    static class FixtureNavigation {
        Destination home() {
            return Destination.of(HomeView.class);
        }
    }
}
