-- What client-service told us about each client: whom to write to, and in which language.
CREATE TABLE client_contact (
    tenant_id TEXT NOT NULL,
    client_id UUID NOT NULL,
    name      TEXT NOT NULL,
    email     TEXT,
    locale    TEXT NOT NULL,
    PRIMARY KEY (tenant_id, client_id)
);

-- A pause for the whole client (a payment plan, a known holiday); conversations opened meanwhile inherit it.
CREATE TABLE client_pause (
    tenant_id    TEXT        NOT NULL,
    client_id    UUID        NOT NULL,
    paused_until TIMESTAMPTZ NOT NULL,
    reason       TEXT,
    PRIMARY KEY (tenant_id, client_id)
);

ALTER TABLE conversation ADD COLUMN last_inbound_at TIMESTAMPTZ;

CREATE TABLE follow_up (
    id              UUID PRIMARY KEY,
    tenant_id       TEXT        NOT NULL,
    conversation_id UUID        NOT NULL REFERENCES conversation (id),
    client_id       UUID        NOT NULL,
    attempt         INT         NOT NULL,
    silent_since    TIMESTAMPTZ NOT NULL,
    language        TEXT        NOT NULL,
    recipient       TEXT,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    version         BIGINT      NOT NULL,
    -- One draft per nudge of a silence window; a reply starts a new window with new attempts.
    UNIQUE (conversation_id, silent_since, attempt)
);
CREATE INDEX follow_up_tenant_status ON follow_up (tenant_id, status, created_at DESC);
