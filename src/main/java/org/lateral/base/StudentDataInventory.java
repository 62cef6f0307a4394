package org.lateral.base;

import java.util.List;

/**
 * Every table that refers to an account, and how a student's export and deletion treat it
 * (reliability-security.md, "Privacy"). The export and delete screens work from this list; a test
 * fails when a table with a reference to {@code account} is missing here, so a new table cannot
 * forget a student's data. Teachers' rows are listed too, saying why they are not student data.
 */
public final class StudentDataInventory {

    private StudentDataInventory() {}

    public enum Treatment {
        /** The student's own data: exported, and deleted with the student. */
        EXPORT_AND_DELETE,
        /** Refers to an account only as its author or owner (a teacher); a student never owns a row. */
        NOT_STUDENT_DATA
    }

    /**
     * @param studentColumns the columns that point at a student (empty for teacher-only tables)
     * @param why in plain words, what the table holds about a student or why it holds nothing
     */
    public record Entry(String table, List<String> studentColumns, Treatment treatment, String why) {}

    public static final List<Entry> TABLES = List.of(
            new Entry(
                    "account",
                    List.of("id"),
                    Treatment.EXPORT_AND_DELETE,
                    "The student's username, the display name the teacher sees and the language chosen for the"
                            + " pages; no e-mail address."),
            new Entry("account_role", List.of("account_id"), Treatment.EXPORT_AND_DELETE, "The STUDENT role."),
            new Entry(
                    "credential",
                    List.of("account_id"),
                    Treatment.EXPORT_AND_DELETE,
                    "The password hash (never exported) and whether a one-time password must be changed."),
            new Entry(
                    "enrollment",
                    List.of("student_id"),
                    Treatment.EXPORT_AND_DELETE,
                    "Which classes the student joined and left, and when; ended_by is the teacher who removed them."),
            new Entry(
                    "submission",
                    List.of("student_id"),
                    Treatment.EXPORT_AND_DELETE,
                    "The student's work on each assignment: started and submitted times."),
            new Entry(
                    "attempt",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through submission: each attempt's start and submit times."),
            new Entry(
                    "mark",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: every span the student marked and its claim type, deleted ones as tombstones."),
            new Entry(
                    "student_source",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: each source the student named in \"Who says so?\", its kind and origin, deleted "
                            + "ones as tombstones."),
            new Entry(
                    "source_mention",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: every span the student marked as naming one of their sources, deleted ones as "
                            + "tombstones."),
            new Entry(
                    "claim_link",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: which of the student's sources each claim rests on, or \"no source given\", "
                            + "deleted ones as tombstones."),
            new Entry(
                    "compare_grid",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: the student's grid for each compared article (framing, source counts, "
                            + "reporting, relayed-from outlets, and two free texts)."),
            new Entry(
                    "compare_span",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: the hedges and loaded words the student picked in a compared article, deleted "
                            + "ones as tombstones."),
            new Entry(
                    "compare_cell",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: how the student says each article carries each core claim, with the wording "
                            + "they picked."),
            new Entry(
                    "lateral_note",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: what the student found about an outlet outside the article: an address and one "
                            + "or two sentences."),
            new Entry(
                    "compare_judgement",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: the student's closing judgement of which article to trust for what."),
            new Entry(
                    "judgement_grade",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: the rubric level the teacher gave the student's judgement; graded_by is the "
                            + "teacher."),
            new Entry(
                    "score",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: every score of each attempt, with the key version, the rules version, what caused "
                            + "it and, for an override, the teacher's comment; caused_by is the teacher."),
            new Entry(
                    "attempt_comment",
                    List.of(),
                    Treatment.EXPORT_AND_DELETE,
                    "Through attempt: the teacher's comments on the student's work; author_id is the teacher."),
            new Entry(
                    "key_amendment",
                    List.of(),
                    Treatment.NOT_STUDENT_DATA,
                    "created_by, withdrawn_by: the teacher who accepted an alternative answer for an assignment."),
            new Entry(
                    "assignment_due_override",
                    List.of("student_id"),
                    Treatment.EXPORT_AND_DELETE,
                    "A later due date for this student (an accommodation) and its reason."),
            new Entry("class", List.of(), Treatment.NOT_STUDENT_DATA, "teacher_id: the teacher who teaches the class."),
            new Entry(
                    "teacher_invite",
                    List.of(),
                    Treatment.NOT_STUDENT_DATA,
                    "created_by, used_by: the admin who invited a teacher and the teacher who accepted (DD026)."),
            new Entry("assignment", List.of(), Treatment.NOT_STUDENT_DATA, "created_by: the teacher who assigned it."),
            new Entry("outlet", List.of(), Treatment.NOT_STUDENT_DATA, "owner_id: a teacher's own outlet profile."),
            new Entry("story_set", List.of(), Treatment.NOT_STUDENT_DATA, "owner_id: a teacher's own story set."),
            new Entry("article", List.of(), Treatment.NOT_STUDENT_DATA, "owner_id: a teacher's own article."),
            new Entry("answer_key", List.of(), Treatment.NOT_STUDENT_DATA, "owner_id: a teacher's own answer key."),
            new Entry(
                    "key_draft",
                    List.of(),
                    Treatment.NOT_STUDENT_DATA,
                    "updated_by: the teacher who last saved the draft of their own answer key (DD021)."),
            new Entry(
                    "comparison_key",
                    List.of(),
                    Treatment.NOT_STUDENT_DATA,
                    "owner_id: a teacher's own comparison key."),
            new Entry(
                    "comparison_key_draft",
                    List.of(),
                    Treatment.NOT_STUDENT_DATA,
                    "updated_by: the teacher who last saved their comparison key's draft."),
            new Entry(
                    "audit_event",
                    List.of("actor_id"),
                    Treatment.NOT_STUDENT_DATA,
                    "The audit trail (DD022), kept apart from a student's export and deletion on purpose: a student's "
                            + "own sign-ins, failed sign-ins and refusals name them (actor_id, their username then, the "
                            + "address), and a teacher's view of their work or reset of their password names their id "
                            + "among object_ids. It holds no answer text, password, session id or join code. It is an "
                            + "append-only security record of who did what, so deleting a student leaves it as it is "
                            + "(actor_id has no foreign key) and it is removed by its own retention, "
                            + "lateral.audit.retention-days (400 days by default)."));
}
