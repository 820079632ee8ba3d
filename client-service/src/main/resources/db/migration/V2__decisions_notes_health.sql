CREATE TABLE referral_partner (
    id         UUID PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    email      TEXT,
    services   JSONB       NOT NULL,
    note       TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL
);
CREATE INDEX referral_partner_tenant ON referral_partner (tenant_id, name);

-- A workspace's own wording for a letter kind in one language; the built-in one applies otherwise.
CREATE TABLE letter_override (
    tenant_id TEXT   NOT NULL,
    kind      TEXT   NOT NULL,
    language  TEXT   NOT NULL,
    subject   TEXT   NOT NULL,
    body      TEXT   NOT NULL,
    version   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, kind, language)
);

CREATE TABLE client_letter (
    id         UUID PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    client_id  UUID        NOT NULL REFERENCES client (id),
    kind       TEXT        NOT NULL,
    language   TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX client_letter_client ON client_letter (client_id, created_at);

CREATE TABLE client_note (
    id         UUID PRIMARY KEY,
    tenant_id  TEXT        NOT NULL,
    client_id  UUID        NOT NULL REFERENCES client (id),
    kind       TEXT        NOT NULL,
    text       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX client_note_client ON client_note (client_id, created_at DESC);

-- What billing and follow-up events tell about a client, kept locally (no calls to other services).
CREATE TABLE client_health (
    tenant_id       TEXT        NOT NULL,
    client_id       UUID        NOT NULL,
    paid            JSONB       NOT NULL,
    minutes_logged  BIGINT      NOT NULL,
    late_payments   INT         NOT NULL,
    silent_episodes INT         NOT NULL,
    nudges          INT         NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, client_id)
);
