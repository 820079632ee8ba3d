-- Handled event ids are forgotten after clientdesk.consumer.processed-retention; the hourly delete finds
-- the old ones without reading the whole table.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
