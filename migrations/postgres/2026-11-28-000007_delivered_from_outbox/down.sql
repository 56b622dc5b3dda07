CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
ALTER TABLE invitations ADD COLUMN delivered_at TIMESTAMP;
UPDATE invitations SET delivered_at = (
    SELECT min(sent_at) FROM outbox
    WHERE outbox.invitation_id = invitations.id AND outbox.status = 'sent'
);
