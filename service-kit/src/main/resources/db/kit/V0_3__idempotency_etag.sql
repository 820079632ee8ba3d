-- A replayed response carries the ETag of the first one.
ALTER TABLE idempotency_key ADD COLUMN etag TEXT;
