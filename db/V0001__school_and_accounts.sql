-- Schools are tenants (product.md, "Data decisions"): every account, class and library item
-- carries school_id, and every access check includes it. A single-school install uses the
-- default row created here.
CREATE TABLE school (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL
);

INSERT INTO school (id, name, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'Our school', now());

-- An account is a person; how they prove it lives in credential, so school sign-in (OIDC)
-- can be added later without migrating users. Students need no e-mail address.
CREATE TABLE account (
    id            uuid        PRIMARY KEY,
    school_id     uuid        NOT NULL REFERENCES school (id),
    -- Login names are global (the login form has no school field) and stored lower-case.
    username      text        NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    display_name  text        NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 100),
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    CONSTRAINT account_username_unique UNIQUE (username),
    -- Lets other tables reference (account, school) together, so a row can never point at an
    -- account of another school.
    CONSTRAINT account_id_school_unique UNIQUE (id, school_id)
);

-- Roles are per school, because an account belongs to exactly one school.
CREATE TABLE account_role (
    account_id  uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('TEACHER', 'STUDENT', 'ADMIN')),
    PRIMARY KEY (account_id, role)
);

CREATE TABLE credential (
    id                    uuid        PRIMARY KEY,
    account_id            uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- 'oidc' joins this list with school sign-in, in a later migration.
    kind                  text        NOT NULL CHECK (kind IN ('password')),
    password_hash         text,
    must_change_password  boolean     NOT NULL DEFAULT false,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CONSTRAINT credential_password_has_hash CHECK (kind <> 'password' OR password_hash IS NOT NULL)
);

CREATE UNIQUE INDEX credential_one_password_per_account ON credential (account_id) WHERE kind = 'password';
