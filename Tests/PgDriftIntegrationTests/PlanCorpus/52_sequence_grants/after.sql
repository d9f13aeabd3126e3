CREATE SEQUENCE invoice_numbers;
CREATE TABLE invoices (id serial PRIMARY KEY);
GRANT USAGE, SELECT ON SEQUENCE invoice_numbers TO pgdrift_corpus_app WITH GRANT OPTION;
GRANT USAGE ON SEQUENCE invoices_id_seq TO pgdrift_corpus_app;
