DROP TABLE users;
DROP TABLE drafts;
DROP TABLE answers;
DROP TABLE invitations;
DROP TABLE rounds;
DROP TABLE members;
