-- The results pass reads a round's invitations in table order through
-- this index (src/db/backend/histogram.rs).
CREATE INDEX invitations_round ON invitations (round_id);
-- The register's new members: the few who joined in a year, found first.
CREATE INDEX members_joined ON members (joined);
