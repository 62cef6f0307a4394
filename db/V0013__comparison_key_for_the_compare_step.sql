-- What the compare-outlets step is scored against (issue 14, DD015; the pack format in
-- seeds/README.md): the headline's framing as a category per article, with the other categories a
-- careful student could defend and why; a note on what kind of outlet published the article; the
-- story's core claims with how each article carries them; and the rubric of the closing judgement.
-- All belong to one immutable comparison key version, like its entries.

ALTER TABLE comparison_key_entry
    ADD COLUMN framing                text   CHECK (framing IN ('neutral', 'hedged', 'sensational', 'question')),
    ADD COLUMN framing_also_accepted  text[] NOT NULL DEFAULT '{}'
        CHECK (framing_also_accepted <@ ARRAY['neutral', 'hedged', 'sensational', 'question']),
    ADD COLUMN framing_why            text   CHECK (framing_why IS NULL OR length(framing_why) <= 4000),
    ADD COLUMN outlet_kind_note       text   CHECK (outlet_kind_note IS NULL OR length(outlet_kind_note) <= 4000),
    ADD CONSTRAINT comparison_entry_other_framings_explained
        CHECK (cardinality(framing_also_accepted) = 0 OR (framing IS NOT NULL AND framing_why IS NOT NULL));

CREATE TABLE comparison_core_claim (
    version_id  uuid     NOT NULL REFERENCES comparison_key_version (id),
    claim_id    text     NOT NULL CHECK (claim_id ~ '^[A-Za-z0-9_-]{1,32}$'),
    position    integer  NOT NULL CHECK (position >= 0),
    claim       text     NOT NULL CHECK (length(btrim(claim)) BETWEEN 1 AND 1000),
    PRIMARY KEY (version_id, claim_id)
);

-- One cell of the claims-by-outlets matrix: how one article carries one core claim.
CREATE TABLE comparison_claim_carriage (
    version_id          uuid     NOT NULL,
    claim_id            text     NOT NULL,
    article_version_id  uuid     NOT NULL REFERENCES article_version (id),
    how                 text     NOT NULL CHECK (how IN ('fact', 'attributed', 'hedged', 'absent')),
    also_accepted       text[]   NOT NULL DEFAULT '{}'
        CHECK (also_accepted <@ ARRAY['fact', 'attributed', 'hedged', 'absent']),
    why                 text     CHECK (why IS NULL OR length(why) <= 4000),
    start_offset        integer,
    end_offset          integer,
    exact               text,
    PRIMARY KEY (version_id, claim_id, article_version_id),
    FOREIGN KEY (version_id, claim_id) REFERENCES comparison_core_claim (version_id, claim_id),
    CONSTRAINT comparison_carriage_explained CHECK (cardinality(also_accepted) = 0 OR why IS NOT NULL),
    CONSTRAINT comparison_carriage_span CHECK (
        (start_offset IS NULL AND end_offset IS NULL AND exact IS NULL)
        OR (start_offset >= 0 AND end_offset > start_offset AND exact IS NOT NULL)),
    CONSTRAINT comparison_carriage_quoted CHECK (how = 'absent' OR exact IS NOT NULL)
);

CREATE TABLE comparison_rubric_level (
    version_id  uuid     NOT NULL REFERENCES comparison_key_version (id),
    level       integer  NOT NULL CHECK (level BETWEEN 0 AND 9),
    name        text     NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    descriptor  text     NOT NULL CHECK (length(btrim(descriptor)) BETWEEN 1 AND 2000),
    PRIMARY KEY (version_id, level)
);

CREATE TRIGGER comparison_core_claim_immutable BEFORE UPDATE ON comparison_core_claim
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();
CREATE TRIGGER comparison_claim_carriage_immutable BEFORE UPDATE ON comparison_claim_carriage
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();
CREATE TRIGGER comparison_rubric_level_immutable BEFORE UPDATE ON comparison_rubric_level
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();
