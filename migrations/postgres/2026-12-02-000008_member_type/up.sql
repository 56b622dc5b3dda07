-- The kind of member organisation (contract §4, optional `type` column,
-- empty when not given), and each target's country and type beside its
-- region: breakdowns by country and type (§8) read them from the round's
-- own rows, fixed when the round closes like the region.
ALTER TABLE members ADD COLUMN member_type TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN member_type TEXT NOT NULL DEFAULT '';
UPDATE invitations SET country = COALESCE(
  (SELECT m.country FROM members m WHERE m.id = invitations.member_id), '');
