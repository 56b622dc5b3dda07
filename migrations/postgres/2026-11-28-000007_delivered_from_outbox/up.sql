-- Whether an invitation's mail was delivered is read from the outbox (a
-- row with status 'sent'), the record of every mail; stamping the
-- invitation as well cost the mail sender a second statement per mail.
ALTER TABLE invitations DROP COLUMN delivered_at;
-- Claims and the next retry time both read the queue through outbox_queue
-- (status, created_at, id); every mark rewrote this index as well.
DROP INDEX outbox_due;
