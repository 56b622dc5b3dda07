DROP TABLE signoffs;
DROP TABLE review_notes;
