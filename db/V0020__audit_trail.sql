-- The audit trail (issue 17, R19, DD022), owned by the audit feature: who did what, when, from
-- where and how it ended. Security events (sign-ins and their failures, sign-outs, refusals of
-- services and pages), score overrides, key amendments and publications, pack exports and imports,
-- roster actions, join-code tries and teachers viewing a student's work.
--
-- actor_id has no foreign key on purpose: the trail must outlive the account it names (a deleted
-- student, a removed teacher), and it keeps the username as it was. Text columns hold only what
-- the application wrote through AuditText: one line, control characters encoded; never a password,
-- a session id, a join code in clear or a student's answer text.
--
-- school_id is the school the event belongs to (the actor's); NULL for an event of nobody signed
-- in whose school is unknown (a wrong password for an unknown username), which only the operator
-- sees.
CREATE TABLE audit_event (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz NOT NULL,
    school_id       uuid        REFERENCES school (id),
    actor_id        uuid,
    actor_username  text        NOT NULL DEFAULT '' CHECK (length(actor_username) <= 130),
    actor_role      text        NOT NULL DEFAULT '' CHECK (actor_role ~ '^[A-Z+]{0,40}$'),
    action          text        NOT NULL CHECK (action ~ '^[A-Z][A-Z_]{1,39}$'),
    object_type     text        NOT NULL DEFAULT '' CHECK (length(object_type) <= 70),
    object_ids      uuid[]      NOT NULL DEFAULT '{}' CHECK (cardinality(object_ids) <= 16),
    source_ip       text        NOT NULL DEFAULT '' CHECK (length(source_ip) <= 70),
    outcome         text        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    detail          text        NOT NULL DEFAULT '' CHECK (length(detail) <= 310)
);

-- The admin's screen: a school's events, newest first, optionally of one action or one account.
CREATE INDEX audit_event_school_time ON audit_event (school_id, occurred_at DESC, id DESC);
CREATE INDEX audit_event_school_user ON audit_event (school_id, lower(actor_username), occurred_at DESC);
-- The retention purge.
CREATE INDEX audit_event_time ON audit_event (occurred_at);

-- Append-only. The trigger refuses every UPDATE, every TRUNCATE and every DELETE except the
-- purge's: audit_purge() below sets a transaction-local cut-off and deletes only rows older than
-- it. What this protects against, honestly: the application's own code, a mistaken query, an
-- injected statement. It does not protect against someone holding the table owner's role, who can
-- drop a trigger; a school that needs that separates the migration role (owner) from the
-- application role and grants the latter INSERT and SELECT only (DD022).
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cutoff text := current_setting('lateral.audit_purge_before', true);
BEGIN
    IF TG_OP = 'DELETE' AND cutoff IS NOT NULL AND cutoff <> '' THEN
        IF OLD.occurred_at < cutoff::timestamptz THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- The retention purge: removes the events older than retention_days (at least 30) and answers how
-- many. The cut-off lives only for this transaction and is cleared before returning.
CREATE FUNCTION audit_purge(retention_days integer) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    cutoff  timestamptz;
    removed bigint;
BEGIN
    IF retention_days IS NULL OR retention_days < 30 THEN
        RAISE EXCEPTION 'the audit trail is kept at least 30 days, not %', retention_days;
    END IF;
    cutoff := now() - make_interval(days => retention_days);
    PERFORM set_config('lateral.audit_purge_before', cutoff::text, true);
    DELETE FROM audit_event WHERE occurred_at < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('lateral.audit_purge_before', '', true);
    RETURN removed;
END
$$;
