ALTER TABLE invitations DROP COLUMN packed;
