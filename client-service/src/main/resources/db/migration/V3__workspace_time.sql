-- Minutes logged across a whole workspace, kept as events arrive, so a client's time share is one row read
-- instead of a sum over every client of the workspace on each health request.
CREATE TABLE workspace_time (
    tenant_id      TEXT        PRIMARY KEY,
    minutes_logged BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
INSERT INTO workspace_time (tenant_id, minutes_logged, updated_at)
SELECT tenant_id, SUM(minutes_logged), now() FROM client_health GROUP BY tenant_id;
