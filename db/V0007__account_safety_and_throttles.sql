-- Account safety after the security probe (DD007).

-- Accounts that demo mode seeded. Outside demo mode they are switched off at start-up, because
-- their password is published in the README and on the login page.
ALTER TABLE account ADD COLUMN demo boolean NOT NULL DEFAULT false;

-- Raised whenever an account's sessions must end: a password change or reset, or disabling.
-- A session remembers the value it signed in with; a session with an older value is ended at its
-- next request, on whichever app node it lives.
ALTER TABLE account ADD COLUMN session_epoch integer NOT NULL DEFAULT 0 CHECK (session_epoch >= 0);

-- Who switched an account off and when (NULL while enabled), so a teacher sees why.
ALTER TABLE account ADD COLUMN disabled_at timestamptz;
ALTER TABLE account ADD COLUMN disabled_by uuid REFERENCES account (id);

-- Token buckets of the sign-in and join throttles (Bucket4j's PostgreSQL backend), shared by
-- every app node so that two nodes count attempts together. The key says what is counted, e.g.
-- 'login-account:ana.lopez'; state is Bucket4j's serialised bucket; expires_at (epoch millis)
-- lets full buckets be deleted.
CREATE TABLE throttle_bucket (
    id          text   PRIMARY KEY CHECK (length(id) <= 300),
    state       bytea,
    expires_at  bigint
);

CREATE INDEX throttle_bucket_expires ON throttle_bucket (expires_at);
