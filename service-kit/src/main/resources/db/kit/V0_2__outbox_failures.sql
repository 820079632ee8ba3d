-- A row the broker refuses for good (too large, invalid topic) is set aside with the reason, so it no
-- longer holds up the rows behind it.
ALTER TABLE outbox_event ADD COLUMN failed_at TIMESTAMPTZ, ADD COLUMN failure TEXT;
DROP INDEX outbox_event_unpublished;
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL AND failed_at IS NULL;
