-- Claims walk the queue in order (status, created_at, id) and stop at the
-- batch size instead of sorting every queued mail.
CREATE INDEX outbox_queue ON outbox (status, created_at, id);
