CREATE TABLE teams (
    id bigint PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id integer PRIMARY KEY,
    team_id bigint REFERENCES teams (id),
    email varchar(320) NOT NULL,
    age integer CHECK (age >= 0),
    active boolean NOT NULL DEFAULT true
);
CREATE INDEX users_team_idx ON users (team_id);
