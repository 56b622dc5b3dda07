-- The submitted answers again, packed (see src/tally.rs): results read one
-- row per response instead of one per answer. NULL until the first submit.
ALTER TABLE invitations ADD COLUMN packed BLOB;
