-- Several app nodes on one database (issue 18, DD030).

-- Open assignment dashboards refresh when PostgreSQL tells every app node that an assignment's
-- figures may have changed (issue 18, DD030), instead of each open page querying a change marker
-- every five seconds. Owned by the submission feature, whose tables these are.
--
-- The triggers fire on exactly what moved the old marker: an attempt started, submitted or
-- reopened, a score written, a key amendment made or withdrawn. Saving a mark is not among them,
-- so the marking hot path (hundreds of saves a second) sends nothing. The payload is the
-- assignment's id; PostgreSQL folds identical notifications of one transaction into one, so a
-- re-score of a whole class sends one message. A notification is delivered at commit, to every
-- session listening on the channel, on whichever node it runs.

CREATE FUNCTION dashboard_notify_attempt() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('lateral_dashboard', s.assignment_id::text)
       FROM submission s WHERE s.id = NEW.submission_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER attempt_dashboard_notify_insert AFTER INSERT ON attempt
    FOR EACH ROW EXECUTE FUNCTION dashboard_notify_attempt();
CREATE TRIGGER attempt_dashboard_notify_update AFTER UPDATE ON attempt
    FOR EACH ROW
    WHEN (OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
          OR OLD.reopened_at IS DISTINCT FROM NEW.reopened_at
          OR OLD.started_at IS DISTINCT FROM NEW.started_at)
    EXECUTE FUNCTION dashboard_notify_attempt();

CREATE FUNCTION dashboard_notify_score() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('lateral_dashboard', s.assignment_id::text)
       FROM attempt t JOIN submission s ON s.id = t.submission_id
      WHERE t.id = NEW.attempt_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER score_dashboard_notify AFTER INSERT ON score
    FOR EACH ROW EXECUTE FUNCTION dashboard_notify_score();

CREATE FUNCTION dashboard_notify_key_amendment() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('lateral_dashboard', NEW.assignment_id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER key_amendment_dashboard_notify AFTER INSERT OR UPDATE ON key_amendment
    FOR EACH ROW EXECUTE FUNCTION dashboard_notify_key_amendment();

-- Scheduled jobs (retention purges, the throttle table's clean-up) run on every app node's
-- timer; a node runs a pass only after claiming it here, so that with several nodes on one
-- database each pass runs once, on one node (issue 18, DD030). Owned by base, like
-- throttle_bucket. The claim is one atomic upsert: the row lock makes a second node's claim wait
-- for the first and then find the pass already taken.
CREATE TABLE scheduled_pass (
    job         text        PRIMARY KEY CHECK (job ~ '^[a-z][a-z0-9-]{0,62}$'),
    started_at  timestamptz NOT NULL,
    started_by  text        NOT NULL CHECK (length(started_by) BETWEEN 1 AND 200)
);
