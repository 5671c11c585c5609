# PostgreSQL lets these non-reserved words be names; Calcite reserves them, so the front end
# quotes them where they stand as identifiers (and leaves calls, types and syntax alone).

query
SELECT 1 AS one, 2 AS new, 3 AS old
----
1|2|3

statement ok
CREATE TABLE words (id INT PRIMARY KEY, one INT, language TEXT, power INT, period DATE, result TEXT)
----
CREATE TABLE

statement ok
INSERT INTO words (id, one, language, power, period, result) VALUES (1, 10, 'sql', 2, DATE '2024-01-02', 'ok')
----
INSERT 0 1

query
SELECT one, language, power(power, 3), period, result FROM words WHERE one = 10 ORDER BY one
----
10|sql|8.0|2024-01-02|ok

statement ok
UPDATE words SET power = power + 1, result = upper(result) WHERE id = 1
----
UPDATE 1

query
SELECT w.power, w.result, abs(-w.one), mod(w.one, 3), floor(2.5), CAST(w.one AS BIGINT) FROM words w
----
3|OK|10|1|2|10

statement ok
DROP TABLE words
----
DROP TABLE
