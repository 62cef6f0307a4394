-- The school admin's screen (issue 17, DD026), owned by the classroom feature.

-- A school may keep archived classes' student work for its own number of days (DD023,
-- "Retention"); NULL follows the instance's lateral.retention.archived-class-days. The lower
-- bound keeps the teacher's notice well ahead of the deletion; the upper one is ten years.
ALTER TABLE school
    ADD COLUMN archived_class_days integer CHECK (archived_class_days BETWEEN 30 AND 3650);

-- An admin invites a teacher with a one-time code, also sent as a link. Only the code's SHA-256
-- is stored: the code is shown once, to the admin who made it, and a copy of the database cannot
-- be used to sign up. An invitation is used at most once, and never after it expired or was
-- withdrawn.
CREATE TABLE teacher_invite (
    id            uuid        PRIMARY KEY,
    school_id     uuid        NOT NULL REFERENCES school (id),
    code_sha256   text        NOT NULL CHECK (code_sha256 ~ '^[0-9a-f]{64}$'),
    -- Whom the admin meant it for, in their words: shown on the admin's list only.
    meant_for     text        NOT NULL CHECK (length(btrim(meant_for)) BETWEEN 1 AND 100),
    as_admin      boolean     NOT NULL DEFAULT false,
    created_by    uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    used_by       uuid,
    withdrawn_at  timestamptz,
    CONSTRAINT teacher_invite_code_unique UNIQUE (code_sha256),
    CONSTRAINT teacher_invite_creator_of_school FOREIGN KEY (created_by, school_id) REFERENCES account (id, school_id),
    CONSTRAINT teacher_invite_user_of_school FOREIGN KEY (used_by, school_id) REFERENCES account (id, school_id),
    CONSTRAINT teacher_invite_used_whole CHECK ((used_at IS NULL) = (used_by IS NULL)),
    CONSTRAINT teacher_invite_expires_after_creation CHECK (expires_at > created_at)
);

CREATE INDEX teacher_invite_school ON teacher_invite (school_id, created_at DESC);
