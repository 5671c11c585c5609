# An IN-subquery that is empty at plan time (reversed BETWEEN bounds make its filter FALSE) inside
# an OR must not erase the rows the other disjuncts select (sqllogictest orderby_nosort/10/38).

statement ok
CREATE TABLE tab0 (pk INT PRIMARY KEY, col0 INT, col1 DOUBLE PRECISION, col3 INT)
----
CREATE TABLE

statement ok
INSERT INTO tab0 VALUES (1, 5, 10.0, 40), (2, 6, 70.0, 10), (3, 40, 5.0, 20)
----
INSERT 0 3

query
SELECT pk FROM tab0 WHERE col3 > 36 OR col3 IN (SELECT col0 FROM tab0 WHERE col1 BETWEEN 78.24 AND 26.78) ORDER BY 1
----
1

query
SELECT pk FROM tab0 WHERE col3 > 36 OR col3 IN (SELECT col0 FROM tab0 WHERE 1 = 0) ORDER BY 1
----
1

query
SELECT pk FROM tab0 WHERE col3 > 36 OR col3 IN (SELECT col0 FROM tab0) ORDER BY 1
----
1

query
SELECT count(*) FROM tab0 WHERE 1 = 0
----
0

query
SELECT pk FROM tab0 ORDER BY pk LIMIT 0

statement ok
DROP TABLE tab0
----
DROP TABLE
