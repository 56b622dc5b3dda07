DROP INDEX outbox_queue;
