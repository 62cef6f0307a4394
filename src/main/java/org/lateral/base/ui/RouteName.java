package org.lateral.base.ui;

/**
 * The pages that are linked to from a package their owner may not be used by: the root page
 * (base) sends users home, the sign-in page (security) offers joining and setup, classroom leads
 * to the class page and the student's list that assignment owns, and assignment leads to the
 * marking, feedback and results pages that submission owns, and the page header's account menu
 * offers the password page that classroom owns. Each name is carried by exactly one
 * view through {@link NamedRoute}; {@link NamedRoutes} resolves it, and {@code NamedRoutesTest}
 * checks that every name here reaches a registered route. Links along the dependency direction
 * use the owner's {@code XxxNavigation} class instead, so this list stays short.
 */
public enum RouteName {
    /** A teacher's classes (classroom): where the root page sends teachers. */
    TEACHER_HOME,
    /** A student's assignments (assignment): where the root page and joining a class lead. */
    STUDENT_HOME,
    /** One class for its teacher, by class id (assignment): from the class list in classroom. */
    CLASS,
    /** Joining a class with a code (classroom): from the sign-in page. */
    JOIN,
    /** First-run setup (classroom): from the sign-in page. */
    SETUP,
    /** Marking an assignment, by assignment id (submission): from the student's list. */
    MARKING,
    /** A student's feedback, by assignment id (submission): from the student's list. */
    FEEDBACK,
    /** An assignment's results, by assignment id (submission): from the class page. */
    RESULTS,
    /** An assignment's dashboard, by assignment id (dashboard): from the class page. */
    ASSIGNMENT_DASHBOARD,
    /** A school admin's school view (dashboard): where the root page sends an admin who does not teach. */
    SCHOOL_VIEW,
    /** Choosing one's own password (classroom): from the account menu of the page header. */
    CHANGE_PASSWORD,
    /** Choosing the language of one's pages (classroom): from the account menu of the page header. */
    LANGUAGE
}
