CREATE TABLE widget (
    id        UUID PRIMARY KEY,
    tenant_id TEXT   NOT NULL,
    name      TEXT   NOT NULL,
    colour    TEXT   NOT NULL,
    version   BIGINT NOT NULL
);
CREATE TABLE widget_seen (
    event_id  TEXT PRIMARY KEY,
    widget_id TEXT NOT NULL
);
-- The order in which the consumer applied events
ALTER TABLE widget_seen ADD COLUMN seq BIGSERIAL;
