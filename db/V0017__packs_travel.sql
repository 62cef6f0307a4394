-- Library (DD020): packs travel between schools and installs.
-- A pack's files carry stable ids; a school's copy of a pack item may need another row id,
-- because row ids are global primary keys and the first school to load a pack holds its ids.
-- This table remembers, per school, which row holds which pack item, so that loading the pack
-- again finds the same rows and an export writes the pack's own ids back. Rows loaded before
-- this table existed have row id = pack id, which is also what a missing entry means.
CREATE TABLE pack_item (
    school_id  uuid NOT NULL REFERENCES school (id),
    pack_id    uuid NOT NULL,
    local_id   uuid NOT NULL,
    PRIMARY KEY (school_id, pack_id),
    CONSTRAINT pack_item_local_unique UNIQUE (local_id)
);

-- The outlets a pack's articles cite without a profile (outlets.yaml, cited_outlets), kept with
-- the story set so that an export writes them back. Filled by the next load of each pack.
ALTER TABLE story_set ADD COLUMN cited_outlets jsonb NOT NULL DEFAULT '[]';

-- The article's slug in its pack (the file name, articles/<slug>.txt), for the same reason.
ALTER TABLE article ADD COLUMN pack_slug text CHECK (pack_slug IS NULL OR length(pack_slug) <= 200);
