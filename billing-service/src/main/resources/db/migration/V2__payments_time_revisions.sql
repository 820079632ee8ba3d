CREATE TABLE billing_settings (
    tenant_id                TEXT PRIMARY KEY,
    default_currency         CHAR(3)        NOT NULL,
    default_deposit_percent  NUMERIC(5, 2)  NOT NULL,
    min_deposit_percent      NUMERIC(5, 2)  NOT NULL,
    max_deposit_percent      NUMERIC(5, 2)  NOT NULL,
    payment_terms_days       INT            NOT NULL,
    included_revisions       INT            NOT NULL,
    revision_fee_amount      NUMERIC(19, 4) NOT NULL,
    cancellation_fee_percent NUMERIC(5, 2)  NOT NULL,
    response_time_hours      INT            NOT NULL,
    version                  BIGINT         NOT NULL
);

ALTER TABLE project
    ADD COLUMN included_revisions       INT            NOT NULL DEFAULT 2,
    ADD COLUMN revisions_used           INT            NOT NULL DEFAULT 0,
    ADD COLUMN revision_fee_amount      NUMERIC(19, 4) NOT NULL DEFAULT 0,
    ADD COLUMN cancellation_fee_percent NUMERIC(5, 2)  NOT NULL DEFAULT 10,
    ADD COLUMN response_time_hours      INT            NOT NULL DEFAULT 48,
    ADD COLUMN communication            TEXT,
    ADD COLUMN locale                   TEXT;
CREATE INDEX project_tenant_status ON project (tenant_id, status, created_at DESC);

ALTER TABLE invoice ADD COLUMN overdue_notified_at TIMESTAMPTZ;
CREATE INDEX invoice_tenant_status ON invoice (tenant_id, status, issued_at DESC);
-- The overdue check reads only open invoices past due.
CREATE INDEX invoice_open_due ON invoice (due_date) WHERE status IN ('SENT', 'PARTIALLY_PAID') AND overdue_notified_at IS NULL;

CREATE TABLE payment (
    id          UUID PRIMARY KEY,
    tenant_id   TEXT           NOT NULL,
    invoice_id  UUID           NOT NULL REFERENCES invoice (id),
    amount      NUMERIC(19, 4) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    received_at TIMESTAMPTZ    NOT NULL,
    reference   TEXT,
    recorded_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX payment_invoice ON payment (invoice_id);

CREATE TABLE time_entry (
    id         UUID PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    project_id UUID        NOT NULL REFERENCES project (id),
    client_id  UUID        NOT NULL,
    minutes    INT         NOT NULL,
    kind       TEXT        NOT NULL,
    work_date  DATE        NOT NULL,
    note       TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX time_entry_client ON time_entry (tenant_id, client_id);

CREATE TABLE revision (
    id         UUID PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    project_id UUID        NOT NULL REFERENCES project (id),
    number     INT         NOT NULL,
    note       TEXT,
    billable   BOOLEAN     NOT NULL,
    invoice_id UUID REFERENCES invoice (id),
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (project_id, number)
);

CREATE TABLE refund (
    id         UUID PRIMARY KEY,
    tenant_id  TEXT           NOT NULL,
    project_id UUID           NOT NULL REFERENCES project (id),
    client_id  UUID           NOT NULL,
    amount     NUMERIC(19, 4) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    reason     TEXT           NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL
);
