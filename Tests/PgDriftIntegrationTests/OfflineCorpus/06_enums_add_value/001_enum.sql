CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE people (
    id integer PRIMARY KEY,
    current_mood mood NOT NULL DEFAULT 'happy',
    history mood[] DEFAULT '{}'
);
