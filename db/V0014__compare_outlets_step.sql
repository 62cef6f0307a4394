-- The compare-outlets step (issue 14, DD015): what the step pins, the student's work on it, the
-- teacher's rubric and grade of the closing judgement, and the compare parts of a score row.

-- Pins (owned by the assignment feature). A compare step pins the comparison key version it is
-- graded against, and every article version it shows, in the order of the columns; a later
-- correction of an article or of the key never changes a running lesson (DD000, Versions).
ALTER TABLE lesson_step
    ADD COLUMN comparison_key_version_id uuid REFERENCES comparison_key_version (id),
    -- Whether the student sees each outlet's profile at once, or only after writing their own
    -- lateral-reading note about it (the default: they look outside the article first).
    ADD COLUMN outlet_profiles_at_once   boolean NOT NULL DEFAULT false,
    -- NOT VALID: a compare step stored before this migration (possible since V0009, though no
    -- screen made one) has no key version to pin after the fact; every new one must have it.
    ADD CONSTRAINT lesson_step_compare_has_its_key CHECK (
        exercise <> 'compare-outlets' OR comparison_key_version_id IS NOT NULL) NOT VALID;

CREATE TABLE lesson_step_article (
    assignment_id       uuid     NOT NULL,
    position            smallint NOT NULL,
    column_order        smallint NOT NULL CHECK (column_order BETWEEN 0 AND 4),
    article_id          uuid     NOT NULL REFERENCES article (id),
    article_version_id  uuid     NOT NULL,
    PRIMARY KEY (assignment_id, position, article_id),
    CONSTRAINT lesson_step_article_order_unique UNIQUE (assignment_id, position, column_order),
    CONSTRAINT lesson_step_article_of_step FOREIGN KEY (assignment_id, position)
        REFERENCES lesson_step (assignment_id, position),
    CONSTRAINT lesson_step_article_version FOREIGN KEY (article_version_id, article_id)
        REFERENCES article_version (id, article_id)
);

-- The rubric the teacher grades the closing judgement by: copied from the comparison key when the
-- step is made, then the teacher's to edit for this assignment (the library's stays as shipped).
CREATE TABLE lesson_step_rubric_level (
    assignment_id  uuid     NOT NULL,
    position       smallint NOT NULL,
    level          integer  NOT NULL CHECK (level BETWEEN 0 AND 9),
    name           text     NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    descriptor     text     NOT NULL CHECK (length(btrim(descriptor)) BETWEEN 1 AND 2000),
    PRIMARY KEY (assignment_id, position, level),
    CONSTRAINT lesson_step_rubric_of_step FOREIGN KEY (assignment_id, position)
        REFERENCES lesson_step (assignment_id, position)
);

-- The student's work (owned by the submission feature). As for marks and sources (V0005, V0010):
-- every row is the item's full state with the browser's per-item seq, a save is applied only when
-- its seq is higher than the stored one, and rows are never removed. article_id is one of the
-- step's pinned articles (checked by the service, which knows the pins).

-- One article's grid. Clearing a field stores null; there is nothing to delete.
CREATE TABLE compare_grid (
    attempt_id         uuid        NOT NULL REFERENCES attempt (id),
    article_id         uuid        NOT NULL REFERENCES article (id),
    seq                integer     NOT NULL CHECK (seq >= 1),
    framing            text        CHECK (framing IN ('neutral', 'hedged', 'sensational', 'question')),
    named_sources      integer     CHECK (named_sources BETWEEN 0 AND 200),
    anonymous_sources  integer     CHECK (anonymous_sources BETWEEN 0 AND 200),
    reporting          text        CHECK (reporting IN ('original', 'relay', 'mixed')),
    relayed_from       text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(relayed_from) <= 10),
    includes           text        CHECK (length(includes) <= 2000),
    outlet_kind        text        CHECK (length(outlet_kind) <= 2000),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, article_id)
);

-- A hedge or loaded words the student picked in one article: a span of its pinned canonical text.
CREATE TABLE compare_span (
    attempt_id    uuid        NOT NULL REFERENCES attempt (id),
    span_id       uuid        NOT NULL,
    seq           integer     NOT NULL CHECK (seq >= 1),
    article_id    uuid        NOT NULL REFERENCES article (id),
    kind          text        NOT NULL CHECK (kind IN ('hedge', 'loaded')),
    start_offset  integer     NOT NULL,
    end_offset    integer     NOT NULL,
    exact         text        NOT NULL,
    prefix        text        NOT NULL,
    suffix        text        NOT NULL,
    deleted       boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, span_id),
    CONSTRAINT compare_span_span CHECK (start_offset >= 0 AND start_offset < end_offset
                                        AND end_offset - start_offset <= 2000)
);

-- One cell of the claims-by-outlets matrix: how the article carries a core claim of the key
-- (null: not answered, or answered and cleared), and optionally the wording that shows it.
CREATE TABLE compare_cell (
    attempt_id    uuid        NOT NULL REFERENCES attempt (id),
    claim_id      text        NOT NULL CHECK (claim_id ~ '^[A-Za-z0-9_-]{1,32}$'),
    article_id    uuid        NOT NULL REFERENCES article (id),
    seq           integer     NOT NULL CHECK (seq >= 1),
    carried       text        CHECK (carried IN ('fact', 'attributed', 'hedged', 'absent')),
    start_offset  integer,
    end_offset    integer,
    exact         text,
    prefix        text,
    suffix        text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, claim_id, article_id),
    CONSTRAINT compare_cell_span CHECK (
        (start_offset IS NULL AND end_offset IS NULL AND exact IS NULL AND prefix IS NULL AND suffix IS NULL)
        OR (start_offset >= 0 AND end_offset > start_offset AND end_offset - start_offset <= 2000
            AND exact IS NOT NULL AND prefix IS NOT NULL AND suffix IS NOT NULL))
);

-- What the student found about an outlet outside the article (lateral reading): an address, kept
-- as text and never followed by Lateral, and one or two sentences.
CREATE TABLE lateral_note (
    attempt_id  uuid        NOT NULL REFERENCES attempt (id),
    outlet_id   uuid        NOT NULL REFERENCES outlet (id),
    seq         integer     NOT NULL CHECK (seq >= 1),
    address     text        CHECK (address ~ '^https?://' AND length(address) <= 2000),
    note        text        CHECK (length(note) <= 600),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (attempt_id, outlet_id)
);

-- The closing judgement: which article to trust most for what, and why.
CREATE TABLE compare_judgement (
    attempt_id  uuid        PRIMARY KEY REFERENCES attempt (id),
    seq         integer     NOT NULL CHECK (seq >= 1),
    judgement   text        CHECK (length(judgement) <= 2000),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- The teacher's rubric level for a judgement: a row of its own, so no save of the student's can
-- touch it. Every grading is a row; the latest counts.
CREATE TABLE judgement_grade (
    id          uuid        PRIMARY KEY,
    position    bigint      GENERATED ALWAYS AS IDENTITY,
    attempt_id  uuid        NOT NULL REFERENCES attempt (id),
    level       integer     NOT NULL CHECK (level BETWEEN 0 AND 9),
    max_level   integer     NOT NULL CHECK (max_level BETWEEN 1 AND 9 AND level <= max_level),
    graded_by   uuid        NOT NULL REFERENCES account (id),
    graded_at   timestamptz NOT NULL
);
CREATE INDEX judgement_grade_attempt ON judgement_grade (attempt_id, position);
CREATE TRIGGER judgement_grade_immutable BEFORE UPDATE ON judgement_grade
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();

-- A compare score row is graded against a comparison key version, not an answer key, and keeps
-- its parts (CompareScoring, rules version 1): the grid, the matrix, the judgement (null until the
-- teacher grades it, when the score is provisional). found/missed count the matrix's right and
-- wrong cells, mislabelled and extra are 0.
ALTER TABLE score
    ALTER COLUMN key_version_id DROP NOT NULL,
    ADD COLUMN comparison_key_version_id uuid REFERENCES comparison_key_version (id),
    ADD COLUMN grid_part       numeric(4, 3) CHECK (grid_part BETWEEN 0 AND 1),
    ADD COLUMN matrix_part     numeric(4, 3) CHECK (matrix_part BETWEEN 0 AND 1),
    ADD COLUMN judgement_part  numeric(4, 3) CHECK (judgement_part BETWEEN 0 AND 1),
    ADD COLUMN provisional     boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT score_graded_against_one_key CHECK (
        (exercise = 'compare-outlets' AND key_version_id IS NULL AND comparison_key_version_id IS NOT NULL)
        OR (exercise <> 'compare-outlets' AND key_version_id IS NOT NULL AND comparison_key_version_id IS NULL)),
    ADD CONSTRAINT score_compare_parts_only_for_compare CHECK (
        exercise = 'compare-outlets'
        OR (grid_part IS NULL AND matrix_part IS NULL AND judgement_part IS NULL AND NOT provisional));

ALTER TABLE score DROP CONSTRAINT score_cause_check;
ALTER TABLE score ADD CONSTRAINT score_cause_check CHECK (
    cause IN ('submitted', 'key-amended', 'key-version', 'override', 'override-removed', 'judgement-graded'));

-- "Accept an alternative" for the compare step: for one assignment, another framing of an
-- article's headline, another reporting category, or another carriage of a core claim in an
-- article. claim_id holds the core claim's id for a carriage; article_id names the article.
ALTER TABLE key_amendment DROP CONSTRAINT key_amendment_kind_check;
ALTER TABLE key_amendment ADD CONSTRAINT key_amendment_kind_check CHECK (
    kind IN ('alternative-span', 'alternative-type', 'added-claim', 'source-kind', 'source-alias', 'source-span',
             'compare-framing', 'compare-reporting', 'compare-carriage'));
ALTER TABLE key_amendment
    ADD COLUMN article_id uuid REFERENCES article (id),
    ADD COLUMN category   text CHECK (category IN ('neutral', 'hedged', 'sensational', 'question', 'original', 'relay',
                                                   'mixed', 'fact', 'attributed', 'absent'));
ALTER TABLE key_amendment DROP CONSTRAINT key_amendment_shape;
ALTER TABLE key_amendment ADD CONSTRAINT key_amendment_shape CHECK (
    (kind = 'alternative-span' AND claim_id IS NOT NULL AND start_offset IS NOT NULL AND exact IS NOT NULL)
    OR (kind = 'alternative-type' AND claim_id IS NOT NULL AND claim_type IS NOT NULL)
    OR (kind = 'added-claim' AND claim_id IS NOT NULL AND start_offset IS NOT NULL AND exact IS NOT NULL
        AND claim_type IS NOT NULL)
    OR (kind = 'source-kind' AND claim_id IS NOT NULL AND source_kind IS NOT NULL)
    OR (kind = 'source-alias' AND claim_id IS NOT NULL AND alias IS NOT NULL)
    OR (kind = 'source-span' AND claim_id IS NOT NULL AND start_offset IS NOT NULL AND exact IS NOT NULL)
    OR (kind = 'compare-framing' AND article_id IS NOT NULL AND category IN ('neutral', 'hedged', 'sensational', 'question'))
    OR (kind = 'compare-reporting' AND article_id IS NOT NULL AND category IN ('original', 'relay', 'mixed'))
    OR (kind = 'compare-carriage' AND article_id IS NOT NULL AND claim_id IS NOT NULL
        AND category IN ('fact', 'attributed', 'hedged', 'absent')));
