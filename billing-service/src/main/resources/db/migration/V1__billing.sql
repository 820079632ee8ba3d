CREATE TABLE project (
    id                 UUID PRIMARY KEY,
    tenant_id          TEXT          NOT NULL,
    client_id          UUID          NOT NULL,
    title              TEXT          NOT NULL,
    scope              TEXT,
    fee_amount         NUMERIC(19, 4) NOT NULL,
    currency           CHAR(3)       NOT NULL,
    deposit_percent    NUMERIC(5, 2) NOT NULL,
    milestones         JSONB         NOT NULL,
    payment_terms_days INT           NOT NULL,
    status             TEXT          NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    version            BIGINT        NOT NULL
);
CREATE INDEX project_tenant_client ON project (tenant_id, client_id);

-- One row per workspace and year; the row lock makes numbering gapless under concurrency.
CREATE TABLE invoice_counter (
    tenant_id TEXT NOT NULL,
    year      INT  NOT NULL,
    last      INT  NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

CREATE TABLE invoice (
    id           UUID PRIMARY KEY,
    tenant_id    TEXT           NOT NULL,
    number       TEXT           NOT NULL,
    project_id   UUID           NOT NULL REFERENCES project (id),
    client_id    UUID           NOT NULL,
    kind         TEXT           NOT NULL,
    description  TEXT           NOT NULL,
    amount       NUMERIC(19, 4) NOT NULL,
    paid         NUMERIC(19, 4) NOT NULL,
    currency     CHAR(3)        NOT NULL,
    status       TEXT           NOT NULL,
    issued_at    TIMESTAMPTZ    NOT NULL,
    sent_at      TIMESTAMPTZ,
    due_date     DATE,
    version      BIGINT         NOT NULL,
    UNIQUE (tenant_id, number)
);
CREATE INDEX invoice_tenant_client ON invoice (tenant_id, client_id);
CREATE INDEX invoice_project ON invoice (project_id);
