package org.lateral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.lateral.security.Trusted;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * Keeps the layout described in the README ("Where things are") honest: dependencies between features run one way, views
 * stay thin, and every screen says who may open it.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lateral");

    @Test
    void base_depends_on_no_feature_and_not_on_security() {
        noClasses().that().resideInAPackage("org.lateral.base..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.lateral.security..", "org.lateral.classroom..", "org.lateral.library..",
                        "org.lateral.assignment..", "org.lateral.submission..", "org.lateral.dashboard..",
                        "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void security_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.lateral.security..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.lateral.classroom..", "org.lateral.library..", "org.lateral.assignment..",
                        "org.lateral.submission..", "org.lateral.dashboard..", "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void classroom_and_library_do_not_depend_on_later_features() {
        noClasses().that().resideInAnyPackage("org.lateral.classroom..", "org.lateral.library..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.lateral.assignment..", "org.lateral.submission..", "org.lateral.dashboard..",
                        "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void classroom_and_library_do_not_depend_on_each_other() {
        noClasses().that().resideInAPackage("org.lateral.classroom..")
                .should().dependOnClassesThat().resideInAPackage("org.lateral.library..")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.lateral.library..")
                .should().dependOnClassesThat().resideInAPackage("org.lateral.classroom..")
                .check(MAIN);
    }

    @Test
    void assignment_does_not_depend_on_submission_dashboard_or_demo() {
        noClasses().that().resideInAPackage("org.lateral.assignment..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.lateral.submission..", "org.lateral.dashboard..", "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void submission_does_not_depend_on_dashboard_or_demo() {
        noClasses().that().resideInAPackage("org.lateral.submission..")
                .should().dependOnClassesThat().resideInAnyPackage("org.lateral.dashboard..", "org.lateral.demo..")
                .check(MAIN);
    }

    @Test
    void nothing_depends_on_demo_or_dashboard() {
        noClasses().that().resideOutsideOfPackages("org.lateral.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.lateral.demo..")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackages("org.lateral.dashboard..", "org.lateral.demo..")
                .should().dependOnClassesThat().resideInAPackage("org.lateral.dashboard..")
                .check(MAIN);
    }

    @Test
    void features_have_no_dependency_cycles() {
        slices().matching("org.lateral.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void views_never_use_repositories_or_trusted_services() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(Trusted.class)
                .orShould().dependOnClassesThat().haveSimpleName("JdbcClient")
                .because("views call the services that check who may do what (DD003, DD009)")
                .check(MAIN);
    }

    @Test
    void every_public_method_of_a_service_declares_who_may_call_it() {
        methods().that().arePublic().and().areNotStatic()
                .and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().areDeclaredInClassesThat().areNotAnnotatedWith(Trusted.class)
                .should().beAnnotatedWith(PreAuthorize.class)
                .orShould().beMetaAnnotatedWith(PreAuthorize.class)
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
                var name = java.util.regex.Pattern.compile("#(\\w+)").matcher(rule.get().value());
                while (name.find()) {
                    var parameters = java.util.Arrays.stream(method.reflect() instanceof java.lang.reflect.Method m
                            ? m.getParameters() : new java.lang.reflect.Parameter[0]).map(java.lang.reflect.Parameter::getName).toList();
                    org.assertj.core.api.Assertions.assertThat(parameters)
                            .as(method.getFullName() + " carries @" + annotation.getRawType().getSimpleName())
                            .contains(name.group(1));
                }
            }
        }
    }

    @Test
    void every_view_and_layout_declares_who_may_open_it() {
        classes().that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
                .should().beAnnotatedWith(AnonymousAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .check(MAIN);
    }

    @Test
    void no_code_uses_java_util_random_for_anything() {
        // Tokens and join codes must be unguessable: SecureRandom only.
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .check(MAIN);
    }
}
