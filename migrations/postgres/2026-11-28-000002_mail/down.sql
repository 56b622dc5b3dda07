DROP TABLE outbox;
ALTER TABLE invitations DROP COLUMN opted_out_at;
ALTER TABLE invitations DROP COLUMN bounced_at;
