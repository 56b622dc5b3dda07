ALTER TABLE invitations DROP COLUMN member_type;
ALTER TABLE invitations DROP COLUMN country;
ALTER TABLE members DROP COLUMN member_type;
