package org.lateral.dashboard.ui;

import java.util.UUID;
import org.lateral.base.ui.Destination;

/**
 * The way to the dashboard screens. Nothing may depend on the dashboard feature, so today only its
 * own views use it; it lives beside them so they stay package-private and every link is typed
 * (see {@link Destination}).
 */
public final class DashboardNavigation {

    private DashboardNavigation() {}

    /** The teacher's classes, one card each. */
    public static Destination dashboards() {
        return Destination.of(DashboardsView.class);
    }

    /** One assignment's dashboard: the heatmap, the confusions, the students. */
    public static Destination assignment(UUID assignmentId) {
        return Destination.of(AssignmentDashboardView.class, assignmentId.toString());
    }

    /** The school admin's view of every class of the school. */
    public static Destination school() {
        return Destination.of(SchoolView.class);
    }

    /** One class's overview: its assignments side by side. */
    public static Destination classOverview(UUID classId) {
        return Destination.of(ClassOverviewView.class, classId.toString());
    }

    /** One student of a class across the class's assignments: {@code dashboards/student/<classId>/<studentId>}. */
    public static Destination student(UUID classId, UUID studentId) {
        return Destination.of(StudentDrillDownView.class, classId + "/" + studentId);
    }

    /** The signed-in student's own progress. */
    public static Destination progress() {
        return Destination.of(ProgressView.class);
    }
}
