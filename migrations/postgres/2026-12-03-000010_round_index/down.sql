DROP INDEX members_joined;
DROP INDEX invitations_round;
