# A scan whose row type has one column (a table with one visible column, its hidden rowid not
# selected) must still produce array rows: Calcite's physical type "optimised" it to a scalar row,
# so operators above it cast Object[] to Integer (sqllogictest evidence/in1.test:493).

statement ok
CREATE TABLE t4 (a INTEGER UNIQUE)
----
CREATE TABLE

statement ok
CREATE TABLE t6 (c INTEGER)
----
CREATE TABLE

statement ok
INSERT INTO t4 VALUES (2), (3), (4)
----
INSERT 0 3

statement ok
INSERT INTO t6 SELECT * FROM t4
----
INSERT 0 3

query
SELECT 1 IN (SELECT * FROM t6), 2 IN (SELECT * FROM t6), 1 NOT IN (SELECT c FROM t6)
----
false|true|true

query
SELECT 2 IN (SELECT * FROM t4), 5 NOT IN (SELECT * FROM t4)
----
true|true

query
SELECT c + 1 FROM t6 WHERE c > 2 ORDER BY 1
----
4
5

query
SELECT count(*), sum(c) FROM t6
----
3|9

query
SELECT a FROM t4 WHERE a IN (SELECT c FROM t6 WHERE c < 4) ORDER BY a
----
2
3

statement ok
DROP TABLE t4, t6
----
DROP TABLE
