package org.lateral;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lateral.assignment.ui.AssignmentNavigation;
import org.lateral.base.ui.BaseNavigation;
import org.lateral.base.ui.NamedRoutes;
import org.lateral.classroom.ui.ClassroomNavigation;
import org.lateral.dashboard.ui.DashboardNavigation;
import org.lateral.library.ui.LibraryNavigation;
import org.lateral.security.ui.SecurityNavigation;
import org.lateral.submission.ui.SubmissionNavigation;

/**
 * Addresses are a contract: the journeys, bookmarks and links that teachers paste into their own
 * material use them. The typed navigation must lead to exactly the paths that used to be typed
 * out, and a named route must lead to the same page as its owner's navigation class.
 */
@LateralTest
class PageAddressesTest extends SpringBrowserlessTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-000000000003");

    @Test
    void each_navigation_class_leads_to_the_address_its_page_always_had() {
        assertThat(BaseNavigation.home().url()).isEmpty();
        assertThat(SecurityNavigation.login().url()).isEqualTo("login");
        assertThat(SecurityNavigation.loginAfterJoining().url()).isEqualTo("login?joined=1");
        assertThat(ClassroomNavigation.classes().url()).isEqualTo("classes");
        assertThat(ClassroomNavigation.join().url()).isEqualTo("join");
        assertThat(AssignmentNavigation.myAssignments().url()).isEqualTo("my");
        assertThat(AssignmentNavigation.classPage(ID).url()).isEqualTo("class/" + ID);
        assertThat(SubmissionNavigation.marking(ID).url()).isEqualTo("assignment/" + ID);
        assertThat(SubmissionNavigation.feedback(ID).url()).isEqualTo("feedback/" + ID);
        assertThat(SubmissionNavigation.results(ID).url()).isEqualTo("results/" + ID);
        assertThat(SubmissionNavigation.review(ID).url()).isEqualTo("review/" + ID);
        assertThat(LibraryNavigation.library().url()).isEqualTo("library");
        assertThat(DashboardNavigation.dashboards().url()).isEqualTo("dashboards");
        assertThat(DashboardNavigation.classOverview(ID).url()).isEqualTo("dashboards/class/" + ID);
        assertThat(DashboardNavigation.assignment(ID).url()).isEqualTo("dashboards/assignment/" + ID);
        assertThat(DashboardNavigation.student(ID, OTHER).url()).isEqualTo("dashboards/student/" + ID + "/" + OTHER);
        assertThat(DashboardNavigation.progress().url()).isEqualTo("progress");
        assertThat(LibraryNavigation.importArticle().url()).isEqualTo("library/import");
        assertThat(LibraryNavigation.reader(ID).url()).isEqualTo("library/article/" + ID);
        assertThat(LibraryNavigation.outlet(ID).url()).isEqualTo("library/outlet/" + ID);
    }

    @Test
    void a_named_route_leads_where_its_owners_navigation_class_does() {
        assertThat(NamedRoutes.teacherHome().view())
                .isEqualTo(ClassroomNavigation.classes().view());
        assertThat(NamedRoutes.join().view())
                .isEqualTo(ClassroomNavigation.join().view());
        assertThat(NamedRoutes.setup().url()).isEqualTo("setup");
        assertThat(NamedRoutes.studentHome().view())
                .isEqualTo(AssignmentNavigation.myAssignments().view());
        assertThat(NamedRoutes.classPage(ID).url())
                .isEqualTo(AssignmentNavigation.classPage(ID).url());
        assertThat(NamedRoutes.marking(ID).url())
                .isEqualTo(SubmissionNavigation.marking(ID).url());
        assertThat(NamedRoutes.feedback(ID).url())
                .isEqualTo(SubmissionNavigation.feedback(ID).url());
        assertThat(NamedRoutes.results(ID).url())
                .isEqualTo(SubmissionNavigation.results(ID).url());
    }
}
