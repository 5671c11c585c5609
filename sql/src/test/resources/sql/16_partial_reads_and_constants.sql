# Interpreted scans decode only the columns the operators above them read: for a filter with an
# uncorrelated sub-query that includes the sub-query's operands (c and f below are read only
# there). Constant sub-expressions (casts of literals) are evaluated once; one that fails is left
# to fail when a row reaches it, as before.

statement ok
CREATE TABLE pr (pk INTEGER PRIMARY KEY, i INTEGER, f FLOAT, c TEXT, d TEXT)
----
CREATE TABLE

statement ok
INSERT INTO pr VALUES (0, 5, 1.5, 'a', 'x'), (1, 7, 2.5, 'b', 'y'), (2, NULL, 3.5, 'a', NULL), (3, 9, NULL, NULL, 'x'), (4, 2, 0.5, 'c', 'z')
----
INSERT 0 5

query
SELECT pk FROM pr WHERE c IN (SELECT c FROM pr WHERE pk < 2) ORDER BY pk
----
0
1
2

query
SELECT pk, i FROM pr WHERE d NOT IN (SELECT d FROM pr WHERE pk = 0) ORDER BY pk
----
1|7
4|2

query
SELECT pk FROM pr WHERE f > (SELECT AVG(f) FROM pr) ORDER BY pk
----
1
2

query
SELECT pk FROM pr WHERE EXISTS (SELECT 1 FROM pr WHERE c = 'c') AND d = 'x' ORDER BY pk
----
0
3

query
SELECT pk FROM pr WHERE f >= 1.5 AND i < CAST(8 AS BIGINT) OR f = 0.5 ORDER BY pk
----
0
1
4

query
SELECT pk, f * CAST(2 AS DOUBLE) + 0.25 FROM pr WHERE f IN (1.5, 3.5, 4) ORDER BY pk
----
0|3.25
2|7.25

statement error 22012
SELECT pk FROM pr WHERE pk < 100 AND 1 / 0 = 1
----
22012 division by zero

# Overflow and float division by zero raise inside sub-queries too: the scan that skips the
# arithmetic checks for plans without arithmetic must look into them.
statement error 22003
SELECT pk FROM pr WHERE pk IN (SELECT i + 2147483647 FROM pr WHERE pk = 1)
----
22003 numeric value out of range: integer out of range

statement error 22012
SELECT pk FROM pr WHERE EXISTS (SELECT 1 FROM pr AS q WHERE q.f / (q.pk - 1) > 0 AND q.pk = 1)
----
22012 division by zero

statement error 22003
SELECT (SELECT MAX(i) * 2147483647 FROM pr) FROM pr WHERE pk = 0
----
22003 numeric value out of range: integer out of range

statement ok
DROP TABLE pr
----
DROP TABLE
