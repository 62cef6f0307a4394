-- Join codes (issue: classes and student accounts). Ten characters from an alphabet without
-- look-alikes (no 0/O, 1/I): 32 symbols, so 50 bits from SecureRandom. Unique across all schools,
-- because a student types only the code.
ALTER TABLE class
    ADD COLUMN join_code text CHECK (join_code ~ '^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$'),
    ADD COLUMN join_enabled boolean NOT NULL DEFAULT true;

CREATE UNIQUE INDEX class_join_code_unique ON class (join_code) WHERE join_code IS NOT NULL;

-- Who removed a student from a class, and when, is kept with the enrollment.
ALTER TABLE enrollment ADD COLUMN ended_by uuid REFERENCES account (id);

-- An exercise given to a class. It pins the article version and the answer-key version it is
-- graded against (product.md, "Versions"); a later key version reaches it only when its teacher
-- accepts it.
CREATE TABLE assignment (
    id                        uuid        PRIMARY KEY,
    school_id                 uuid        NOT NULL,
    class_id                  uuid        NOT NULL,
    exercise                  text        NOT NULL CHECK (exercise IN ('mark-claims', 'identify-sources', 'compare-outlets')),
    title                     text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
    article_id                uuid,
    article_version_id        uuid,
    key_version_id            uuid        REFERENCES answer_key_version (id),
    story_set_id              uuid,
    open_at                   timestamptz NOT NULL,
    due_at                    timestamptz NOT NULL,
    late_work_accepted        boolean     NOT NULL DEFAULT true,
    feedback_policy           text        NOT NULL CHECK (feedback_policy IN ('after-submit', 'after-due', 'when-released')),
    feedback_released_at      timestamptz,
    revision_allowed          boolean     NOT NULL DEFAULT false,
    revision_until            timestamptz,
    classmates_after_submit   boolean     NOT NULL DEFAULT false,
    created_by                uuid        NOT NULL,
    created_at                timestamptz NOT NULL,
    version                   integer     NOT NULL DEFAULT 0,
    CONSTRAINT assignment_class_same_school FOREIGN KEY (class_id, school_id) REFERENCES class (id, school_id),
    CONSTRAINT assignment_creator_same_school FOREIGN KEY (created_by, school_id) REFERENCES account (id, school_id),
    CONSTRAINT assignment_article_same_school FOREIGN KEY (article_id, school_id) REFERENCES article (id, school_id),
    CONSTRAINT assignment_article_version FOREIGN KEY (article_version_id, article_id) REFERENCES article_version (id, article_id),
    CONSTRAINT assignment_story_set_same_school FOREIGN KEY (story_set_id, school_id) REFERENCES story_set (id, school_id),
    CONSTRAINT assignment_due_after_open CHECK (due_at > open_at),
    CONSTRAINT assignment_revision_window CHECK (revision_until IS NULL OR (revision_allowed AND revision_until > open_at)),
    -- An exercise on one article pins that article's version; the comparison works on a story set.
    CONSTRAINT assignment_has_its_material CHECK (
        (exercise IN ('mark-claims', 'identify-sources') AND article_version_id IS NOT NULL)
        OR (exercise = 'compare-outlets' AND story_set_id IS NOT NULL)),
    CONSTRAINT assignment_id_school_unique UNIQUE (id, school_id)
);

CREATE INDEX assignment_class ON assignment (class_id, due_at);

-- Accommodations: a later due date for one student.
CREATE TABLE assignment_due_override (
    assignment_id  uuid        NOT NULL,
    school_id      uuid        NOT NULL,
    student_id     uuid        NOT NULL,
    due_at         timestamptz NOT NULL,
    reason         text        CHECK (reason IS NULL OR length(reason) <= 500),
    created_by     uuid        NOT NULL REFERENCES account (id),
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (assignment_id, student_id),
    CONSTRAINT due_override_assignment_same_school FOREIGN KEY (assignment_id, school_id) REFERENCES assignment (id, school_id),
    CONSTRAINT due_override_student_same_school FOREIGN KEY (student_id, school_id) REFERENCES account (id, school_id)
);

-- One submission per student per assignment (product.md, "Student work"); its attempts and
-- marks come with the marking feature.
CREATE TABLE submission (
    id             uuid        PRIMARY KEY,
    school_id      uuid        NOT NULL,
    assignment_id  uuid        NOT NULL,
    student_id     uuid        NOT NULL,
    started_at     timestamptz NOT NULL,
    submitted_at   timestamptz,
    CONSTRAINT submission_assignment_same_school FOREIGN KEY (assignment_id, school_id) REFERENCES assignment (id, school_id),
    CONSTRAINT submission_student_same_school FOREIGN KEY (student_id, school_id) REFERENCES account (id, school_id),
    CONSTRAINT submission_one_per_student UNIQUE (assignment_id, student_id),
    CONSTRAINT submission_submitted_after_start CHECK (submitted_at IS NULL OR submitted_at >= started_at)
);

CREATE INDEX submission_student ON submission (student_id);
