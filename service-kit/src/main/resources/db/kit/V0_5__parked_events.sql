-- Events set aside by the consumer: premature ones (about a client this service has not heard of yet) that
-- outlived the wait, and later events of the same key parked behind them. They are retried on an interval
-- and by operators, and deleted in the transaction that finally applies them; never dropped.
CREATE TABLE parked_event (
    id              BIGSERIAL PRIMARY KEY,
    consumer_group  TEXT        NOT NULL,
    event_id        TEXT        NOT NULL,
    topic           TEXT        NOT NULL,
    partition_no    INT         NOT NULL,
    record_offset   BIGINT      NOT NULL,
    record_key      TEXT,
    record_value    BYTEA,
    headers         TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    last_tried_at   TIMESTAMPTZ NOT NULL,
    attempts        INT         NOT NULL,
    UNIQUE (consumer_group, topic, partition_no, record_offset),
    -- a redelivered copy of a parked event (another offset) is the same event: parked once
    UNIQUE (consumer_group, event_id)
);
-- The consumer asks, for every event, whether its key already has one parked.
CREATE INDEX parked_event_key ON parked_event (consumer_group, topic, record_key);
