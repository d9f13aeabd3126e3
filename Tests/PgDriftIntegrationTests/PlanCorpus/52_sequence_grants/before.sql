CREATE SEQUENCE invoice_numbers;
CREATE TABLE invoices (id serial PRIMARY KEY);
GRANT UPDATE ON SEQUENCE invoice_numbers TO pgdrift_corpus_app;
