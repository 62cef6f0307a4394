-- An assignment is a lesson of one to three ordered steps (DD013, product.md "Lessons"). Each
-- step is one exercise with its own pinned material and key version; the assignment keeps what
-- belongs to the whole lesson (class, dates, feedback policy, revision, threshold).

-- A step of a lesson, owned by the assignment feature. The pins moved here from the assignment
-- row: the article version and the answer-key version the step is graded against, or the story
-- set of a comparison, and the newer key version the teacher chose not to move to.
CREATE TABLE lesson_step (
    assignment_id           uuid          NOT NULL,
    school_id               uuid          NOT NULL,
    position                smallint      NOT NULL CHECK (position BETWEEN 0 AND 2),
    exercise                text          NOT NULL CHECK (exercise IN ('mark-claims', 'identify-sources', 'compare-outlets')),
    article_id              uuid,
    article_version_id      uuid,
    key_version_id          uuid          REFERENCES answer_key_version (id),
    key_version_ignored_id  uuid          REFERENCES answer_key_version (id),
    story_set_id            uuid,
    -- The step's share of the lesson score (the weighted mean of each step's counted score).
    weight                  numeric(3, 2) NOT NULL DEFAULT 1 CHECK (weight > 0),
    PRIMARY KEY (assignment_id, position),
    CONSTRAINT lesson_step_one_per_exercise UNIQUE (assignment_id, exercise),
    CONSTRAINT lesson_step_assignment_same_school FOREIGN KEY (assignment_id, school_id) REFERENCES assignment (id, school_id),
    CONSTRAINT lesson_step_article_same_school FOREIGN KEY (article_id, school_id) REFERENCES article (id, school_id),
    CONSTRAINT lesson_step_article_version FOREIGN KEY (article_version_id, article_id) REFERENCES article_version (id, article_id),
    CONSTRAINT lesson_step_story_set_same_school FOREIGN KEY (story_set_id, school_id) REFERENCES story_set (id, school_id),
    -- An exercise on one article pins that article's version; the comparison works on a story set.
    CONSTRAINT lesson_step_has_its_material CHECK (
        (exercise IN ('mark-claims', 'identify-sources') AND article_version_id IS NOT NULL)
        OR (exercise = 'compare-outlets' AND story_set_id IS NOT NULL))
);

-- Every existing assignment becomes a one-step lesson with exactly the pins it had.
INSERT INTO lesson_step (assignment_id, school_id, position, exercise, article_id, article_version_id, key_version_id,
                         key_version_ignored_id, story_set_id)
SELECT id, school_id, 0, exercise, article_id, article_version_id, key_version_id, key_version_ignored_id, story_set_id
  FROM assignment;

-- The assignment's pin columns are no longer written (a later migration drops them once no code
-- reads them), so the assignment row stops having to carry its material: its step does.
-- assignment.exercise stays written (the first step's exercise) until then.
ALTER TABLE assignment DROP CONSTRAINT assignment_has_its_material;

-- Attempts are per step: attempt 1 of step 0, attempt 1 of step 1, ... Every stored attempt is of
-- step 0, the only step of every lesson so far; nothing a student saved changes.
ALTER TABLE attempt ADD COLUMN step smallint NOT NULL DEFAULT 0 CHECK (step BETWEEN 0 AND 2);
ALTER TABLE attempt DROP CONSTRAINT attempt_number_unique;
ALTER TABLE attempt ADD CONSTRAINT attempt_step_number_unique UNIQUE (submission_id, step, number);
