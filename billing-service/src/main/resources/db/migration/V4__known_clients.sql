-- The clients billing-service has heard of on clients.v1: the workspace that owns each (consumed events are
-- held against it) and how far the relationship has come (no new contract once declined or ended).
-- Replaces unavailable_client, whose rows it takes over.
CREATE TABLE known_client (
    client_id  UUID        PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('LEAD', 'ACCEPTED', 'DECLINED', 'ENDED')),
    updated_at TIMESTAMPTZ NOT NULL
);

INSERT INTO known_client (client_id, tenant_id, status, updated_at)
SELECT client_id, tenant_id, CASE reason WHEN 'declined' THEN 'DECLINED' ELSE 'ENDED' END, since
FROM unavailable_client
ON CONFLICT (client_id) DO NOTHING;

-- Clients contracted before this projection existed were accepted in their project's workspace.
INSERT INTO known_client (client_id, tenant_id, status, updated_at)
SELECT DISTINCT ON (client_id) client_id, tenant_id, 'ACCEPTED', created_at
FROM project ORDER BY client_id, created_at
ON CONFLICT (client_id) DO NOTHING;

DROP TABLE unavailable_client;
