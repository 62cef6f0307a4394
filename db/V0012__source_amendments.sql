-- "Accept an alternative" for the "Who says so?" step (DD013): a teacher may accept, for one
-- assignment, another kind for a key source, another name for it, or another span of the text
-- that names it. Like the claims' amendments they change this assignment's key only, never the
-- library key, are re-scored in the same transaction and can be withdrawn. claim_id holds the key
-- source's id for these kinds (a key source id has the same shape as a claim id).
ALTER TABLE key_amendment DROP CONSTRAINT key_amendment_kind_check;
ALTER TABLE key_amendment ADD CONSTRAINT key_amendment_kind_check CHECK (
    kind IN ('alternative-span', 'alternative-type', 'added-claim', 'source-kind', 'source-alias', 'source-span'));

ALTER TABLE key_amendment
    ADD COLUMN source_kind text CHECK (source_kind IN ('named-person', 'anonymous', 'pseudonymous', 'official-body',
                                                       'expert-or-organisation', 'media-outlet', 'document')),
    ADD COLUMN alias text CHECK (alias IS NULL OR length(btrim(alias)) BETWEEN 1 AND 300);

ALTER TABLE key_amendment DROP CONSTRAINT key_amendment_shape;
ALTER TABLE key_amendment ADD CONSTRAINT key_amendment_shape CHECK (
    (kind = 'alternative-span' AND claim_id IS NOT NULL AND start_offset IS NOT NULL AND exact IS NOT NULL)
    OR (kind = 'alternative-type' AND claim_id IS NOT NULL AND claim_type IS NOT NULL)
    OR (kind = 'added-claim' AND claim_id IS NOT NULL AND start_offset IS NOT NULL AND exact IS NOT NULL
        AND claim_type IS NOT NULL)
    OR (kind = 'source-kind' AND claim_id IS NOT NULL AND source_kind IS NOT NULL)
    OR (kind = 'source-alias' AND claim_id IS NOT NULL AND alias IS NOT NULL)
    OR (kind = 'source-span' AND claim_id IS NOT NULL AND start_offset IS NOT NULL AND exact IS NOT NULL));
