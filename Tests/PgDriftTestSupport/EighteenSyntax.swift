/// Migrations in PostgreSQL 18's syntax, shared by the offline reader's tests and the version matrix:
/// virtual and stored generated columns, NOT ENFORCED checks and foreign keys (on a column, on the table,
/// added later), an ENFORCED check, a named NOT NULL and a NOT VALID check.
public enum EighteenSyntax {
    public static let bookings = """
        CREATE TABLE hotels (id int PRIMARY KEY);
        CREATE TABLE bookings (
          id int PRIMARY KEY,
          hotel_id int REFERENCES hotels (id) NOT ENFORCED,
          nights int CHECK (nights > 0) NOT ENFORCED,
          price numeric CHECK (price > 0) ENFORCED,
          note text CONSTRAINT note_required NOT NULL,
          total numeric GENERATED ALWAYS AS (nights * price),
          stored_total numeric GENERATED ALWAYS AS (nights * price) STORED,
          CONSTRAINT price_small CHECK (price < 1000) NOT ENFORCED,
          CONSTRAINT bookings_hotel FOREIGN KEY (hotel_id) REFERENCES hotels (id) NOT ENFORCED);
        ALTER TABLE bookings ADD CONSTRAINT nights_small CHECK (nights < 100) NOT ENFORCED;
        ALTER TABLE bookings ADD CONSTRAINT nights_known CHECK (nights IS NOT NULL) NOT VALID;

        """
}
