# A search argument that also accepts NULL (x = 1 OR x IS NULL, as sub-query removal makes for
# `1 IN (SELECT x ...)`) cannot become one key span on an index of x: the span [1, 1] skipped the
# NULL rows (sqllogictest evidence/in1.test:823 returned false instead of NULL).

statement ok
CREATE TABLE t4n (a INTEGER UNIQUE)
----
CREATE TABLE

statement ok
CREATE TABLE t7n (a TEXT UNIQUE)
----
CREATE TABLE

statement ok
INSERT INTO t4n VALUES (2), (3), (4), (NULL)
----
INSERT 0 4

statement ok
INSERT INTO t7n VALUES ('b'), ('c'), (NULL)
----
INSERT 0 3

query
SELECT 1 IN (SELECT * FROM t4n), 2 IN (SELECT * FROM t4n), 5 NOT IN (SELECT * FROM t4n)
----
NULL|true|NULL

query
SELECT 'a' IN (SELECT * FROM t7n), 'e' NOT IN (SELECT * FROM t7n), 'b' IN (SELECT * FROM t7n)
----
NULL|NULL|true

query
SELECT a FROM t4n WHERE a = 3 OR a IS NULL ORDER BY a
----
3
NULL

query
SELECT count(*) FROM t4n WHERE a IS NULL OR a BETWEEN 3 AND 9
----
3

query
SELECT count(*) FROM t7n WHERE a = 'c' OR a IS NULL
----
2

statement ok
DROP TABLE t4n, t7n
----
DROP TABLE
