-- Where each client stands with the workspace, from clients.v1: LEAD (registered), ACCEPTED, DECLINED or
-- OFFBOARDED. A conversation is opened by hand only for an ACCEPTED client; none for a DECLINED or OFFBOARDED one.
-- The default keeps rows written without it (older code, the benchmark's seeding) a LEAD: never accepted by guess.
ALTER TABLE client_contact ADD COLUMN status TEXT NOT NULL DEFAULT 'LEAD';
-- The client's time zone (ClientUpdated), for "has the due date passed" in the client's own calendar.
ALTER TABLE client_contact ADD COLUMN timezone TEXT;

-- Clients heard of before this column existed: what their conversations tell. An invoice was sent only to an
-- accepted client; a conversation closed because the client was declined or offboarded says so.
UPDATE client_contact c SET status = 'ACCEPTED' WHERE EXISTS (SELECT 1 FROM conversation v
    WHERE v.tenant_id = c.tenant_id AND v.client_id = c.client_id AND v.kind = 'INVOICE_PAYMENT');
UPDATE client_contact c SET status = 'DECLINED' WHERE EXISTS (SELECT 1 FROM conversation v
    WHERE v.tenant_id = c.tenant_id AND v.client_id = c.client_id AND v.close_reason = 'CLIENT_DECLINED');
UPDATE client_contact c SET status = 'OFFBOARDED' WHERE EXISTS (SELECT 1 FROM conversation v
    WHERE v.tenant_id = c.tenant_id AND v.client_id = c.client_id AND v.close_reason = 'CLIENT_OFFBOARDED');

-- Why a conversation is paused (a payment plan, a holiday): kept with the pause, shown with the conversation.
ALTER TABLE conversation ADD COLUMN pause_reason TEXT;

-- The signature the workspace puts under its letters (WorkspaceSignatureChanged), under every follow-up too.
CREATE TABLE workspace_signature (
    tenant_id  TEXT PRIMARY KEY,
    signature  TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
