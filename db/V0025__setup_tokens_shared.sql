-- The first-run setup token is shared by every app node (issue 18, DD030). Each node that starts
-- on a database without accounts prints a token and records its SHA-256 here, one row per node
-- (keyed by LATERAL_NODE_ROUTE, empty for a single node), so the token from any node's log works
-- on whichever node the browser reaches, and a node's restart replaces its own token. Creating the
-- first account deletes every row. Owned by the classroom feature, as the accounts are.
CREATE TABLE setup_token (
    node       text        PRIMARY KEY,
    token_hash bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    issued_at  timestamptz NOT NULL
);
