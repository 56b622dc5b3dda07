-- Regional review (contract §7): one current note per round, region and
-- indicator (editing replaces it), and the sign-off of a region's results
-- of a closed round (signing again replaces it).
CREATE TABLE review_notes (
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    region TEXT NOT NULL,
    indicator TEXT NOT NULL,
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (round_id, region, indicator)
);

CREATE TABLE signoffs (
    round_id INTEGER NOT NULL REFERENCES rounds (id),
    region TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (round_id, region)
);
