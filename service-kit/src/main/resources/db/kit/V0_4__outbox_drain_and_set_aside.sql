-- For every key of a batch the relay reads that key's oldest unpublished row outside the batch: one short
-- index descent per key, however long the backlog.
CREATE INDEX outbox_event_unpublished_key ON outbox_event (partition_key, seq) WHERE published_at IS NULL;
-- Rows set aside are few: the claim skips the keys that have one (their later rows wait behind it), the
-- admin listing and the gauge read them.
CREATE INDEX outbox_event_set_aside ON outbox_event (partition_key, seq)
    WHERE failed_at IS NOT NULL AND published_at IS NULL;
