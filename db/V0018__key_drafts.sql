-- The key editor (issue 16, DD021). A teacher writes an answer key as a draft that is saved with
-- every change; publishing turns the draft into a new immutable answer_key_version (V0003), the
-- only thing an assignment can pin. The draft is the editor's working copy: one per key, kept
-- after publishing as the start of the next version. Its body is the editor's own JSON (claims,
-- sources, mentions, links and the suggestions the teacher dismissed, with offsets into the
-- article version it is anchored to): it is only ever read and written whole, never queried.
-- version is the optimistic lock: a save names the version it started from and is refused when
-- another save came first.
CREATE TABLE key_draft (
    key_id              uuid        PRIMARY KEY REFERENCES answer_key (id),
    school_id           uuid        NOT NULL REFERENCES school (id),
    article_version_id  uuid        NOT NULL REFERENCES article_version (id),
    body                jsonb       NOT NULL CHECK (jsonb_typeof(body) = 'object' AND octet_length(body::text) <= 2000000),
    version             integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    updated_by          uuid        NOT NULL REFERENCES account (id),
    updated_at          timestamptz NOT NULL
);

-- One key per teacher and article: the editor always works on "my key of this article".
CREATE UNIQUE INDEX answer_key_one_per_owner ON answer_key (school_id, article_id, owner_id) WHERE owner_id IS NOT NULL;
