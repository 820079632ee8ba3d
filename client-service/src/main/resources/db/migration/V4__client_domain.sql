-- What the lead said they need, in their words: screening matches it with the ideal and unwanted traits.
ALTER TABLE client ADD COLUMN needs TEXT;

-- The follow-ups a client needed, one row per conversation and attempt, so that the silence reported
-- (NoReplyForSevenDays) and the follow-up sent for it (FollowUpSent) count as one nudge in client_health.nudges.
CREATE TABLE client_nudge (
    tenant_id       TEXT        NOT NULL,
    client_id       UUID        NOT NULL,
    conversation_id UUID        NOT NULL,
    attempt         INT         NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, conversation_id, attempt)
);
