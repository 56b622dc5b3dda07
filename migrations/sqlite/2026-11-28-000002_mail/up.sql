ALTER TABLE invitations ADD COLUMN bounced_at TIMESTAMP;
ALTER TABLE invitations ADD COLUMN opted_out_at TIMESTAMP;

-- Mail to send: written in the same transaction as the invitations, then
-- claimed by a sender (claimed_by/claimed_until), sent, and marked.
CREATE TABLE outbox (
    id TEXT NOT NULL PRIMARY KEY,
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_by TEXT,
    claimed_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_invitation ON outbox (invitation_id);
