-- Clients client-service declined or ended with: no new contracts for them.
CREATE TABLE unavailable_client (
    tenant_id TEXT        NOT NULL,
    client_id UUID        NOT NULL,
    reason    TEXT        NOT NULL,
    since     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, client_id)
);
