CREATE TABLE members (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    region TEXT NOT NULL,
    email TEXT NOT NULL,
    language TEXT NOT NULL,
    joined DATE,
    active BOOLEAN NOT NULL DEFAULT 1
);
CREATE INDEX members_region ON members (region);

CREATE TABLE rounds (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    survey_id TEXT NOT NULL,
    definition TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    regions TEXT NOT NULL,
    opens DATE,
    closes DATE,
    closed BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    results TEXT
);

CREATE TABLE invitations (
    id TEXT NOT NULL PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    region TEXT NOT NULL,
    language TEXT NOT NULL,
    invited_at TIMESTAMP,
    delivered_at TIMESTAMP,
    reminded_at TIMESTAMP,
    started_at TIMESTAMP,
    submitted_at TIMESTAMP,
    UNIQUE (round_id, member_id)
);
CREATE INDEX invitations_round_region ON invitations (round_id, region);

-- The last submission of each response, one row per answered question:
-- choices as a bitmask over the frozen survey's options, numbers as numbers.
CREATE TABLE answers (
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    question TEXT NOT NULL,
    choice BIGINT,
    number DOUBLE,
    text TEXT,
    PRIMARY KEY (invitation_id, question)
);

-- The editable copy: whatever the member typed, as a JSON array of strings.
CREATE TABLE drafts (
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    question TEXT NOT NULL,
    raw TEXT NOT NULL,
    PRIMARY KEY (invitation_id, question)
);

CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    region TEXT,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
