package org.lateral.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lateral.LateralTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The root URL and the side navigation depend on who signed in. */
@LateralTest
class NavigationByRoleTest extends SpringBrowserlessTest {

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_lands_on_classes_and_sees_the_teacher_menu() {
        navigate("", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("TeacherClassesView");
        assertThat(menu()).containsExactly("Classes", "Library", "Dashboards", "Practice");
        assertThat($(SideNavItem.class).all())
                .extracting(i -> i.getElement().getAttribute("data-testid"))
                .containsExactly("nav-classes", "nav-library", "nav-dashboards", "nav-practice");
        assertThat($(Div.class).withTestId("demo-banner").exists()).isTrue();
    }

    @Test
    @WithUserDetails("student1")
    void a_student_lands_on_my_assignments_and_sees_only_student_entries() {
        navigate("", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyAssignmentsView");
        assertThat(menu()).containsExactly("My assignments", "My progress", "Practice");
        assertThat($(SideNavItem.class).all())
                .extracting(i -> i.getElement().getAttribute("data-testid"))
                .containsExactly("nav-my", "nav-progress", "nav-practice");
    }
}
