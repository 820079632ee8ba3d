-- How a project ended: who ended it (the cancellation fee is due only when the client did), whether started
-- stages are still finished, and which ones (the project is WINDING_DOWN until they are).
ALTER TABLE project
    ADD COLUMN ended_by              TEXT,
    ADD COLUMN finish_committed_work BOOLEAN,
    ADD COLUMN end_reason            TEXT,
    ADD COLUMN stages_to_finish      JSONB;
