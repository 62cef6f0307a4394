-- The comparison key editor (issue 16, DD021 "Comparison keys"). A teacher writes a story set's
-- comparison key (what the compare-outlets step is scored against, V0013) as a draft saved with
-- every change; publishing turns it into a new immutable comparison_key_version, the only thing a
-- compare step can pin. Like key_draft (V0018): one draft per comparison key, kept after
-- publishing as the start of the next version; its body is the editor's own JSON (per article
-- the grid's answers, the core claims with each article's carriage quoted as words, the rubric),
-- only ever read and written whole. Quotes are words, not offsets: they are found in the
-- article's current text when the draft is published, so a corrected article does not move them.
-- version is the optimistic lock, as in key_draft.
CREATE TABLE comparison_key_draft (
    comparison_key_id  uuid        PRIMARY KEY REFERENCES comparison_key (id),
    school_id          uuid        NOT NULL REFERENCES school (id),
    body               jsonb       NOT NULL CHECK (jsonb_typeof(body) = 'object' AND octet_length(body::text) <= 2000000),
    version            integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    updated_by         uuid        NOT NULL REFERENCES account (id),
    updated_at         timestamptz NOT NULL
);

-- One comparison key per teacher and story set: the editor always works on "my comparison key of
-- this set". Pack keys (owner_id NULL) are not limited by it.
CREATE UNIQUE INDEX comparison_key_one_per_owner ON comparison_key (school_id, story_set_id, owner_id)
    WHERE owner_id IS NOT NULL;
