# A CASE arm whose WHEN is a constant built of exact literals is decided when the query is
# converted, as PostgreSQL's constant folding decides it: an arm that can never be taken is
# dropped before anything in it runs, so an aggregate only it uses is not computed and a division
# by zero inside it does not raise. A constant that cannot be decided exactly (overflow, division
# by zero) is evaluated at run time as before and raises there.

statement ok
CREATE TABLE ca (pk INTEGER PRIMARY KEY, a INTEGER, b INTEGER)
----
CREATE TABLE

statement ok
INSERT INTO ca VALUES (1, 1, 2), (2, 3, 4), (3, 3, NULL)
----
INSERT 0 3

# sqllogictest random/expr/slt_good_7, the record that was listed as a ShaleDB bug
query
SELECT ALL + CASE - 59 WHEN + 55 * - 56 + - - 95 THEN - 78 + 98 * CASE - COUNT ( * ) WHEN NULLIF ( - AVG ( DISTINCT - + NULLIF ( + - ( 11 ), 89 / ( 0 ) ) ), - COUNT ( * ) ) + 62 THEN 37 + + COUNT ( DISTINCT + 77 ) / 61 ELSE + 26 / 10 - + 14 * - 10 END / 79 END * 60 col2 FROM ca
----
NULL

query
SELECT CASE WHEN 1 + 1 = 2 THEN COUNT(*) ELSE SUM(89 / 0) END FROM ca
----
3

query
SELECT CASE WHEN 1 + 1 = 3 THEN SUM(89 / 0) END, MAX(b) FROM ca GROUP BY a ORDER BY a
----
NULL|2
NULL|4

query
SELECT a, COUNT(*) FROM ca GROUP BY a HAVING CASE WHEN 2 * 3 < 5 THEN MIN(1 / 0) > 0 ELSE true END ORDER BY a
----
1|1
3|2

query
SELECT a FROM ca ORDER BY CASE WHEN -7 % 3 = -1 THEN a ELSE 1 / 0 END, pk
----
1
3
3

query
SELECT CASE 3 WHEN 7 / 2 THEN 'x' ELSE 'y' END, CASE WHEN NULL + 1 > 0 THEN 1 / 0 ELSE 5 END FROM ca WHERE pk = 1
----
x|5

statement error 22012
SELECT CASE WHEN 7 / 0 > 0 THEN 1 END FROM ca
----
22012 division by zero

statement error 22003
SELECT CASE WHEN 2147483647 + 1 > 0 THEN 1 END FROM ca
----
22003 numeric value out of range: integer out of range

# a WHEN that reads a column is evaluated per row
statement error 22012
SELECT CASE WHEN a > 100 THEN 1 ELSE SUM(1 / 0) END FROM ca GROUP BY a
----
22012 division by zero
