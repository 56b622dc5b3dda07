-- Bumped on sign-out and password change: sessions carrying an older value end.
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
