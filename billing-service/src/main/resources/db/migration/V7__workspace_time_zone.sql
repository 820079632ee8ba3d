-- The workspace's time zone: "today", due dates, the overdue check, the no-future-time rule and the invoice
-- number's year follow it. Workspaces that existed before it keep the UTC they were billed in.
ALTER TABLE billing_settings ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

-- When a sent invoice becomes overdue: the workspace's midnight after its due date, fixed when it is sent, so
-- the overdue check compares instants and needs no time zone arithmetic in SQL.
ALTER TABLE invoice ADD COLUMN overdue_from TIMESTAMPTZ;
UPDATE invoice SET overdue_from = CAST(due_date + 1 AS timestamp) AT TIME ZONE 'UTC' WHERE due_date IS NOT NULL;

DROP INDEX invoice_open_due;
CREATE INDEX invoice_open_overdue ON invoice (overdue_from)
    WHERE status IN ('SENT', 'PARTIALLY_PAID') AND overdue_notified_at IS NULL;

-- The lists under an invoice or a project (payments, time entries, revisions, refunds), in their order.
CREATE INDEX time_entry_project ON time_entry (project_id, work_date DESC, created_at DESC);
CREATE INDEX refund_project ON refund (project_id, created_at);
