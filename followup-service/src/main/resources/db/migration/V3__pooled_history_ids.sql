-- History lines take their ids from the sequence 50 at a time (Hibernate's pooled optimizer), so a scan's
-- inserts go out in JDBC batches instead of one round trip per IDENTITY insert.
ALTER SEQUENCE conversation_entry_id_seq INCREMENT BY 50;
