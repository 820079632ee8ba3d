CREATE TABLE workspace_policy (
    tenant_id                 TEXT PRIMARY KEY,
    services_offered          JSONB       NOT NULL,
    minimum_budget_amount     NUMERIC(19, 4),
    minimum_budget_currency   CHAR(3),
    ideal_client_traits       JSONB       NOT NULL,
    unwanted_traits           JSONB       NOT NULL,
    friends_and_family        TEXT        NOT NULL,
    target_hourly_amount      NUMERIC(19, 4),
    target_hourly_currency    CHAR(3),
    max_below_target_share    INT         NOT NULL,
    letter_signature          TEXT        NOT NULL,
    default_locale            TEXT        NOT NULL,
    version                   BIGINT      NOT NULL
);

CREATE TABLE client (
    id                UUID PRIMARY KEY,
    tenant_id         TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    email             TEXT        NOT NULL,
    company           TEXT,
    locale            TEXT        NOT NULL,
    timezone          TEXT,
    relationship      TEXT        NOT NULL,
    requested_service TEXT,
    budget_amount     NUMERIC(19, 4),
    budget_currency   CHAR(3),
    signals           JSONB       NOT NULL,
    screening         JSONB       NOT NULL,
    status            TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL
);
CREATE INDEX client_tenant_created ON client (tenant_id, created_at DESC, id);
CREATE INDEX client_tenant_status ON client (tenant_id, status);
CREATE INDEX client_tenant_email ON client (tenant_id, lower(email));
