CREATE TABLE conversation (
    id                UUID PRIMARY KEY,
    tenant_id         TEXT        NOT NULL,
    client_id         UUID        NOT NULL,
    invoice_id        UUID,
    kind              TEXT        NOT NULL,
    subject           TEXT        NOT NULL,
    details           JSONB,
    status            TEXT        NOT NULL,
    last_outbound_at  TIMESTAMPTZ NOT NULL,
    silent_since      TIMESTAMPTZ NOT NULL,
    attempts          INT         NOT NULL,
    next_check_at     TIMESTAMPTZ,
    paused_until      TIMESTAMPTZ,
    opened_at         TIMESTAMPTZ NOT NULL,
    closed_at         TIMESTAMPTZ,
    close_reason      TEXT,
    version           BIGINT      NOT NULL
);
-- An invoice has at most one conversation: a redelivered InvoiceSent cannot open a second.
CREATE UNIQUE INDEX conversation_invoice ON conversation (tenant_id, invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX conversation_tenant_client ON conversation (tenant_id, client_id, status);
-- The silence scan reads only what is due, never the whole table.
CREATE INDEX conversation_due ON conversation (next_check_at) WHERE status = 'OPEN';

CREATE TABLE conversation_entry (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id UUID        NOT NULL REFERENCES conversation (id),
    at              TIMESTAMPTZ NOT NULL,
    kind            TEXT        NOT NULL,
    note            TEXT
);
CREATE INDEX conversation_entry_conversation ON conversation_entry (conversation_id, id);
