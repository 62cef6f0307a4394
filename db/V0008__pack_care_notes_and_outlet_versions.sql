-- What a corrected seed pack needs (issue 12): care notes for teachers on the story set and on
-- each article version, where an original address was found, source-count ranges and relay lists
-- in the comparison key, and outlet profiles that are versioned instead of edited in place (DD012).

-- Shown to teachers beside the maturity note: for which ages, that state-linked texts are there
-- for analysis and not endorsement, and how to look after students affected by the events.
ALTER TABLE story_set ADD COLUMN age_band text CHECK (age_band IS NULL OR length(age_band) <= 200);
ALTER TABLE story_set ADD COLUMN analysis_note text CHECK (analysis_note IS NULL OR length(analysis_note) <= 2000);
ALTER TABLE story_set ADD COLUMN support_note text CHECK (support_note IS NULL OR length(support_note) <= 2000);

-- Part of the article version (and of its content hash, only when set, so that versions stored
-- before this migration keep their hash). An address without a record of where it was found is
-- refused for new versions; NOT VALID because stored versions are immutable and stay as they were.
ALTER TABLE article_version ADD COLUMN original_url_source text
    CHECK (original_url_source IS NULL OR length(original_url_source) <= 2000);
ALTER TABLE article_version ADD COLUMN content_note text
    CHECK (content_note IS NULL OR length(content_note) <= 4000);
ALTER TABLE article_version ADD CONSTRAINT article_version_url_has_source
    CHECK (original_url IS NULL OR original_url_source IS NOT NULL) NOT VALID;

-- Source counts may be a range when the text does not allow an exact count: the minimum stays in
-- named_sources / anonymous_sources, the maximum is here (NULL: the count is exact).
ALTER TABLE comparison_key_entry ADD COLUMN named_sources_max integer
    CHECK (named_sources_max IS NULL OR named_sources_max >= named_sources);
ALTER TABLE comparison_key_entry ADD COLUMN anonymous_sources_max integer
    CHECK (anonymous_sources_max IS NULL OR anonymous_sources_max >= anonymous_sources);
-- The outlets an article relays, by name (outlets.yaml: an outlet of the pack or a cited outlet).
-- New versions leave the old free-text relayed_from NULL.
ALTER TABLE comparison_key_entry ADD COLUMN relayed_from_outlets text[] NOT NULL DEFAULT '{}';

-- One immutable version of an outlet's profile (DD012). The outlet row keeps its columns as a copy
-- of the current profile, so lists and joins need no extra join; the history is here. Facts are a
-- jsonb array of {"fact", "source", "response", "response_source"} objects (response and
-- response_source may be null): they are only ever shown together with their version, never
-- queried one by one.
CREATE TABLE outlet_version (
    id                uuid        PRIMARY KEY,
    outlet_id         uuid        NOT NULL REFERENCES outlet (id),
    content_hash      text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    name              text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind              text        NOT NULL CHECK (kind IN ('news-agency', 'state-media', 'newspaper', 'magazine',
                                                           'lifestyle-site', 'blog', 'aggregator', 'journal', 'broadcaster')),
    country           text        CHECK (country IS NULL OR length(country) <= 100),
    ownership         text        CHECK (ownership IS NULL OR length(ownership) <= 2000),
    ownership_source  text        CHECK (ownership_source IS NULL OR length(ownership_source) <= 2000),
    publisher         text        CHECK (publisher IS NULL OR length(publisher) <= 2000),
    publisher_source  text        CHECK (publisher_source IS NULL OR length(publisher_source) <= 2000),
    description       text        CHECK (description IS NULL OR length(description) <= 4000),
    home_url          text        CHECK (home_url IS NULL OR home_url ~ '^https?://'),
    facts             jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(facts) = 'array'),
    created_at        timestamptz NOT NULL,
    CONSTRAINT outlet_version_hash_unique UNIQUE (outlet_id, content_hash),
    CONSTRAINT outlet_version_of_outlet UNIQUE (id, outlet_id)
);

CREATE TRIGGER outlet_version_immutable BEFORE UPDATE ON outlet_version
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();

-- The current profile's publisher, a copy like the outlet's other profile columns.
ALTER TABLE outlet ADD COLUMN publisher text CHECK (publisher IS NULL OR length(publisher) <= 2000);
ALTER TABLE outlet ADD COLUMN publisher_source text CHECK (publisher_source IS NULL OR length(publisher_source) <= 2000);
ALTER TABLE outlet ADD COLUMN current_version_id uuid;
ALTER TABLE outlet ADD CONSTRAINT outlet_current_version
    FOREIGN KEY (current_version_id, id) REFERENCES outlet_version (id, outlet_id);

-- Existing installs get their history: one first version per outlet, as it is now. The hash is
-- LibraryImport.outletHash's for a profile without publisher and facts, so that the next import of
-- an unchanged pack finds this version and adds nothing (OutletVersionMigrationHashIT checks the
-- two formulas agree). ContentHash writes a number as 'i' and 8 bytes, a string as 's', its UTF-8
-- length as a number, then its bytes, and a null as 'n'.
CREATE FUNCTION outlet_profile_hash_v1(name text, kind text, country text, ownership text, ownership_source text,
                                       description text, home_url text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    WITH field (pos, value) AS (
        VALUES (0, 'outlet-version/1'), (1, name), (2, kind), (3, country), (4, ownership), (5, ownership_source),
               (6, NULL), (7, NULL), (8, description), (9, home_url))
    SELECT encode(sha256(
               (SELECT string_agg(CASE WHEN value IS NULL THEN '\x6e'::bytea
                                       ELSE '\x7369'::bytea || int8send(octet_length(convert_to(value, 'UTF8')))
                                            || convert_to(value, 'UTF8') END, ''::bytea ORDER BY pos)
                  FROM field)
               || '\x69'::bytea || int8send(0)), 'hex')
$$;

INSERT INTO outlet_version (id, outlet_id, content_hash, name, kind, country, ownership, ownership_source,
                            description, home_url, created_at)
SELECT gen_random_uuid(), o.id,
       outlet_profile_hash_v1(o.name, o.kind, o.country, o.ownership, o.ownership_source, o.description, o.home_url),
       o.name, o.kind, o.country, o.ownership, o.ownership_source, o.description, o.home_url, o.updated_at
  FROM outlet o;

UPDATE outlet o SET current_version_id = v.id FROM outlet_version v WHERE v.outlet_id = o.id;

-- What a key version corrects, shown to the teachers whose assignments are offered it; and, per
-- key source, the other kinds a student may give (a pseudonym the page never calls one) with the
-- reason the feedback shows (seeds/README.md, "Conventions every key follows").
ALTER TABLE answer_key_version ADD COLUMN changes text NOT NULL DEFAULT '';

ALTER TABLE key_source
    ADD COLUMN also_accepted_kinds text[] NOT NULL DEFAULT '{}'
        CHECK (also_accepted_kinds <@ ARRAY['named-person', 'anonymous', 'pseudonymous', 'official-body',
                                            'expert-or-organisation', 'media-outlet', 'document']),
    ADD COLUMN kind_why text,
    ADD CONSTRAINT key_source_other_kinds_explained CHECK (cardinality(also_accepted_kinds) = 0 OR kind_why IS NOT NULL);
