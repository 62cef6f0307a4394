-- Lessons of several steps (DD013), second part.

-- A score row of an identify-sources attempt keeps the parts of its score (SourceScoring, rules
-- version 1) beside the counts every score row has; for such a row found / mislabelled / missed /
-- extra count sources (matched, matched with a wrong kind, missed, the student's extra ones).
-- The parts are null on mark-claims rows, whose counts are claims.
ALTER TABLE score
    ADD COLUMN exercise        text         NOT NULL DEFAULT 'mark-claims'
        CHECK (exercise IN ('mark-claims', 'identify-sources', 'compare-outlets')),
    ADD COLUMN source_recall   numeric(4, 3) CHECK (source_recall BETWEEN 0 AND 1),
    ADD COLUMN kind_accuracy   numeric(4, 3) CHECK (kind_accuracy BETWEEN 0 AND 1),
    ADD COLUMN origin_accuracy numeric(4, 3) CHECK (origin_accuracy BETWEEN 0 AND 1),
    ADD COLUMN link_f1         numeric(4, 3) CHECK (link_f1 BETWEEN 0 AND 1),
    ADD CONSTRAINT score_source_parts_only_for_sources CHECK (
        exercise = 'identify-sources'
        OR (source_recall IS NULL AND kind_accuracy IS NULL AND origin_accuracy IS NULL AND link_f1 IS NULL));

-- The assignment's pins live on its steps since V0009 and no code reads these columns any more.
-- Dropping them also drops their foreign keys; the steps keep the same ones.
ALTER TABLE assignment
    DROP COLUMN article_id,
    DROP COLUMN article_version_id,
    DROP COLUMN key_version_id,
    DROP COLUMN key_version_ignored_id,
    DROP COLUMN story_set_id;
