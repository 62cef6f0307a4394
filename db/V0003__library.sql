-- The article library (product.md, "Data decisions: Versions, Ownership"). Articles, answer keys
-- and comparison keys have stable ids and immutable versions identified by a content hash; what
-- an assignment pins is a version. Library items belong to a school; owner_id NULL means the item
-- came with an exercise pack (only a school admin edits it; teachers copy it to adapt it).

CREATE TABLE outlet (
    id                uuid        PRIMARY KEY,
    school_id         uuid        NOT NULL REFERENCES school (id),
    slug              text        NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name              text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind              text        NOT NULL CHECK (kind IN ('news-agency', 'state-media', 'newspaper', 'magazine',
                                                           'lifestyle-site', 'blog', 'aggregator', 'journal', 'broadcaster')),
    country           text        CHECK (country IS NULL OR length(country) <= 100),
    ownership         text        CHECK (ownership IS NULL OR length(ownership) <= 2000),
    ownership_source  text        CHECK (ownership_source IS NULL OR length(ownership_source) <= 2000),
    description       text        CHECK (description IS NULL OR length(description) <= 4000),
    home_url          text        CHECK (home_url IS NULL OR home_url ~ '^https?://'),
    owner_id          uuid,
    version           integer     NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT outlet_slug_unique UNIQUE (school_id, slug),
    CONSTRAINT outlet_id_school_unique UNIQUE (id, school_id),
    CONSTRAINT outlet_owner_same_school FOREIGN KEY (owner_id, school_id) REFERENCES account (id, school_id)
);

-- Articles about one story, in an order: the unit of the outlet comparison.
CREATE TABLE story_set (
    id             uuid        PRIMARY KEY,
    school_id      uuid        NOT NULL REFERENCES school (id),
    title          text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    description    text        CHECK (description IS NULL OR length(description) <= 4000),
    maturity_note  text        CHECK (maturity_note IS NULL OR length(maturity_note) <= 2000),
    pack           text,
    owner_id       uuid,
    version        integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT story_set_id_school_unique UNIQUE (id, school_id),
    CONSTRAINT story_set_owner_same_school FOREIGN KEY (owner_id, school_id) REFERENCES account (id, school_id)
);

CREATE TABLE article (
    id                  uuid        PRIMARY KEY,
    school_id           uuid        NOT NULL REFERENCES school (id),
    outlet_id           uuid        NOT NULL,
    story_set_id        uuid,
    story_position      integer     CHECK (story_position IS NULL OR story_position >= 0),
    owner_id            uuid,
    current_version_id  uuid,
    version             integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT article_id_school_unique UNIQUE (id, school_id),
    CONSTRAINT article_outlet_same_school FOREIGN KEY (outlet_id, school_id) REFERENCES outlet (id, school_id),
    CONSTRAINT article_story_set_same_school FOREIGN KEY (story_set_id, school_id) REFERENCES story_set (id, school_id),
    CONSTRAINT article_owner_same_school FOREIGN KEY (owner_id, school_id) REFERENCES account (id, school_id),
    CONSTRAINT article_position_with_story_set CHECK ((story_set_id IS NULL) = (story_position IS NULL))
);

CREATE INDEX article_story_set ON article (story_set_id, story_position);

-- One immutable version of an article: metadata and the canonical text (plain text, never
-- rendered as Markdown or HTML).
CREATE TABLE article_version (
    id                   uuid        PRIMARY KEY,
    article_id           uuid        NOT NULL REFERENCES article (id),
    content_hash         text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    title                text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
    byline               text        CHECK (byline IS NULL OR length(byline) <= 300),
    published_on         date        NOT NULL,
    published_precision  text        NOT NULL CHECK (published_precision IN ('day', 'month', 'approximate')),
    published_note       text,
    original_url         text        CHECK (original_url IS NULL OR original_url ~ '^https?://'),
    language             text        NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'),
    canonical_text       text        NOT NULL CHECK (length(canonical_text) BETWEEN 1 AND 200000),
    removed_chrome       text[]      NOT NULL DEFAULT '{}',
    source_file          text,
    created_at           timestamptz NOT NULL,
    CONSTRAINT article_version_hash_unique UNIQUE (article_id, content_hash),
    CONSTRAINT article_version_of_article UNIQUE (id, article_id)
);

ALTER TABLE article ADD CONSTRAINT article_current_version
    FOREIGN KEY (current_version_id, id) REFERENCES article_version (id, article_id);

CREATE TABLE answer_key (
    id                  uuid        PRIMARY KEY,
    school_id           uuid        NOT NULL,
    article_id          uuid        NOT NULL,
    owner_id            uuid,
    current_version_id  uuid,
    version             integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT answer_key_article_same_school FOREIGN KEY (article_id, school_id) REFERENCES article (id, school_id),
    CONSTRAINT answer_key_owner_same_school FOREIGN KEY (owner_id, school_id) REFERENCES account (id, school_id)
);

CREATE INDEX answer_key_article ON answer_key (article_id);

-- One immutable version of a key, anchored to one article version.
CREATE TABLE answer_key_version (
    id                  uuid        PRIMARY KEY,
    key_id              uuid        NOT NULL REFERENCES answer_key (id),
    article_version_id  uuid        NOT NULL REFERENCES article_version (id),
    content_hash        text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    status              text        NOT NULL CHECK (status IN ('complete', 'draft')),
    notes               text        NOT NULL DEFAULT '',
    created_at          timestamptz NOT NULL,
    CONSTRAINT answer_key_version_hash_unique UNIQUE (key_id, content_hash),
    CONSTRAINT answer_key_version_of_key UNIQUE (id, key_id)
);

ALTER TABLE answer_key ADD CONSTRAINT answer_key_current_version
    FOREIGN KEY (current_version_id, id) REFERENCES answer_key_version (id, key_id);

CREATE TABLE key_claim (
    key_version_id  uuid     NOT NULL REFERENCES answer_key_version (id),
    claim_id        text     NOT NULL CHECK (claim_id ~ '^[A-Za-z0-9_-]{1,32}$'),
    position        integer  NOT NULL CHECK (position >= 0),
    start_offset    integer  NOT NULL,
    end_offset      integer  NOT NULL,
    exact           text     NOT NULL,
    prefix          text     NOT NULL,
    suffix          text     NOT NULL,
    types           text[]   NOT NULL CHECK (cardinality(types) >= 1 AND types <@ ARRAY['factual', 'attributed', 'hedged', 'speculation', 'opinion', 'unsupported']),
    worthiness      smallint NOT NULL CHECK (worthiness BETWEEN 1 AND 3),
    why             text     NOT NULL CHECK (length(btrim(why)) >= 1),
    cues            text[]   NOT NULL DEFAULT '{}',
    PRIMARY KEY (key_version_id, claim_id),
    CONSTRAINT key_claim_span CHECK (start_offset >= 0 AND start_offset < end_offset)
);

CREATE TABLE key_source (
    key_version_id  uuid     NOT NULL REFERENCES answer_key_version (id),
    source_id       text     NOT NULL CHECK (source_id ~ '^[A-Za-z0-9_-]{1,32}$'),
    position        integer  NOT NULL CHECK (position >= 0),
    name            text     NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
    aliases         text[]   NOT NULL DEFAULT '{}',
    kind            text     NOT NULL CHECK (kind IN ('named-person', 'anonymous', 'pseudonymous', 'official-body',
                                                      'expert-or-organisation', 'media-outlet', 'document')),
    origin          text     NOT NULL CHECK (origin IN ('primary', 'secondary')),
    relayed_from    text,
    PRIMARY KEY (key_version_id, source_id),
    CONSTRAINT key_source_relay_named CHECK (origin = 'primary' OR relayed_from IS NOT NULL)
);

-- Where the text points at a source ("a source told The Daily Mail").
CREATE TABLE key_source_attribution (
    key_version_id  uuid     NOT NULL,
    source_id       text     NOT NULL,
    start_offset    integer  NOT NULL,
    end_offset      integer  NOT NULL,
    exact           text     NOT NULL,
    prefix          text     NOT NULL,
    suffix          text     NOT NULL,
    PRIMARY KEY (key_version_id, source_id, start_offset),
    FOREIGN KEY (key_version_id, source_id) REFERENCES key_source (key_version_id, source_id),
    CONSTRAINT key_source_attribution_span CHECK (start_offset >= 0 AND start_offset < end_offset)
);

-- "Who says so?": which sources support which claim. A claim without a row has no source.
CREATE TABLE key_claim_source (
    key_version_id  uuid NOT NULL,
    claim_id        text NOT NULL,
    source_id       text NOT NULL,
    PRIMARY KEY (key_version_id, claim_id, source_id),
    FOREIGN KEY (key_version_id, claim_id) REFERENCES key_claim (key_version_id, claim_id),
    FOREIGN KEY (key_version_id, source_id) REFERENCES key_source (key_version_id, source_id)
);

-- The outlet-comparison key of a story set, versioned like answer keys.
CREATE TABLE comparison_key (
    id                  uuid        PRIMARY KEY,
    school_id           uuid        NOT NULL,
    story_set_id        uuid        NOT NULL,
    owner_id            uuid,
    current_version_id  uuid,
    version             integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT comparison_key_story_set_same_school FOREIGN KEY (story_set_id, school_id) REFERENCES story_set (id, school_id),
    CONSTRAINT comparison_key_owner_same_school FOREIGN KEY (owner_id, school_id) REFERENCES account (id, school_id)
);

CREATE TABLE comparison_key_version (
    id                 uuid        PRIMARY KEY,
    comparison_key_id  uuid        NOT NULL REFERENCES comparison_key (id),
    content_hash       text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    created_at         timestamptz NOT NULL,
    CONSTRAINT comparison_key_version_hash_unique UNIQUE (comparison_key_id, content_hash),
    CONSTRAINT comparison_key_version_of_key UNIQUE (id, comparison_key_id)
);

ALTER TABLE comparison_key ADD CONSTRAINT comparison_key_current_version
    FOREIGN KEY (current_version_id, id) REFERENCES comparison_key_version (id, comparison_key_id);

CREATE TABLE comparison_key_entry (
    version_id          uuid     NOT NULL REFERENCES comparison_key_version (id),
    article_version_id  uuid     NOT NULL REFERENCES article_version (id),
    position            integer  NOT NULL CHECK (position >= 0),
    headline_framing    text     NOT NULL,
    named_sources       integer  NOT NULL CHECK (named_sources >= 0),
    anonymous_sources   integer  NOT NULL CHECK (anonymous_sources >= 0),
    hedges              text[]   NOT NULL DEFAULT '{}',
    loaded_words        text[]   NOT NULL DEFAULT '{}',
    reporting           text     NOT NULL CHECK (reporting IN ('original', 'relay', 'mixed')),
    relayed_from        text,
    omissions           text     NOT NULL DEFAULT '',
    notes               text     NOT NULL DEFAULT '',
    PRIMARY KEY (version_id, article_version_id)
);

-- Versions are immutable: what an assignment was graded against can never change under it.
CREATE FUNCTION refuse_change_to_immutable_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable; create a new version instead', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER article_version_immutable BEFORE UPDATE ON article_version
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();
CREATE TRIGGER answer_key_version_immutable BEFORE UPDATE ON answer_key_version
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();
CREATE TRIGGER key_claim_immutable BEFORE UPDATE ON key_claim
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();
CREATE TRIGGER key_source_immutable BEFORE UPDATE ON key_source
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();
CREATE TRIGGER comparison_key_entry_immutable BEFORE UPDATE ON comparison_key_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_immutable_row();
