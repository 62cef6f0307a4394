-- "class" is a non-reserved word in PostgreSQL, so the table keeps the name teachers use.
CREATE TABLE class (
    id           uuid        PRIMARY KEY,
    school_id    uuid        NOT NULL REFERENCES school (id),
    teacher_id   uuid        NOT NULL,
    name         text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    subject      text        CHECK (subject IS NULL OR length(subject) <= 100),
    school_year  text        CHECK (school_year IS NULL OR length(school_year) <= 20),
    -- IANA zone name (validated by the service): due dates ("end of day") and times shown to
    -- the class use it.
    time_zone    text        NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    archived_at  timestamptz,
    created_at   timestamptz NOT NULL,
    version      integer     NOT NULL DEFAULT 0,
    -- The teacher belongs to the class's school.
    CONSTRAINT class_teacher_same_school FOREIGN KEY (teacher_id, school_id) REFERENCES account (id, school_id),
    CONSTRAINT class_id_school_unique UNIQUE (id, school_id)
);

CREATE INDEX class_teacher ON class (teacher_id);

-- One row per student per class. Removal from a class ends the enrollment (ended_at) and keeps
-- the student's work; rejoining reopens the same row.
CREATE TABLE enrollment (
    id           uuid        PRIMARY KEY,
    school_id    uuid        NOT NULL,
    class_id     uuid        NOT NULL,
    student_id   uuid        NOT NULL,
    enrolled_at  timestamptz NOT NULL,
    ended_at     timestamptz,
    CONSTRAINT enrollment_class_same_school FOREIGN KEY (class_id, school_id) REFERENCES class (id, school_id),
    CONSTRAINT enrollment_student_same_school FOREIGN KEY (student_id, school_id) REFERENCES account (id, school_id),
    CONSTRAINT enrollment_one_per_student_and_class UNIQUE (class_id, student_id),
    CONSTRAINT enrollment_ends_after_start CHECK (ended_at IS NULL OR ended_at >= enrolled_at)
);

CREATE INDEX enrollment_student ON enrollment (student_id);
