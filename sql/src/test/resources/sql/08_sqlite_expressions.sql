# SQLite spellings the sqllogictest suite uses: unary plus is a no-op on any type (it used to cast
# a text operand to a number), an empty IN list is allowed (IN () is false, NOT IN () true, also
# for NULL), and IN lists may mix integers, decimals and NULL.

statement ok
CREATE TABLE t (pk INT PRIMARY KEY, i INT, r DOUBLE PRECISION, s TEXT)
----
CREATE TABLE

statement ok
CREATE INDEX t_i ON t (i)
----
CREATE INDEX

statement ok
INSERT INTO t VALUES (1, 1, 2.5, 'abc'), (2, 3, 1.0, '12'), (3, NULL, NULL, NULL)
----
INSERT 0 3

query
SELECT +s, + s, -(+i), +r, +i, + + s FROM t ORDER BY pk
----
abc|abc|-1|2.5|1|abc
12|12|-3|1.0|3|12
NULL|NULL|NULL|NULL|NULL|NULL

query
SELECT pk FROM t WHERE +s = 'abc' OR + s > 'b'
----
1

query
SELECT pk, +s || 'x' FROM t ORDER BY +pk
----
1|abcx
2|12x
3|NULL

query
SELECT +'abc', +NULL, +1, +2.5
----
abc|NULL|1|2.5

query
SELECT pk FROM t ORDER BY +1 DESC, pk
----
3
2
1

statement ok
UPDATE t SET s = +s || '!' WHERE pk = 1
----
UPDATE 1

query
SELECT s FROM t WHERE pk = 1
----
abc!

query
SELECT pk FROM t WHERE i IN ()

query
SELECT pk FROM t WHERE i NOT IN () ORDER BY pk
----
1
2
3

query
SELECT pk FROM t WHERE s NOT IN ( ) AND i IN (1, 3) ORDER BY pk
----
1
2

query
SELECT 1 IN (), NULL IN (), NULL NOT IN (), 'in ()'
----
false|false|true|in ()

query
SELECT count(*) FROM t WHERE pk IN () OR pk IN (SELECT pk FROM t WHERE i NOT IN ())
----
3

query
SELECT pk FROM t WHERE i IN (1, 2.5, NULL) ORDER BY pk
----
1

query
SELECT pk FROM t WHERE r IN (1, 2.5, NULL) ORDER BY pk
----
1
2

query
SELECT pk FROM t WHERE i IN (2.5, 3.0) ORDER BY pk
----
2

query
SELECT pk FROM t WHERE i NOT IN (1.5, 3) ORDER BY pk
----
1

query
SELECT pk FROM t WHERE i IN (SELECT r FROM t) ORDER BY pk
----
1

query
SELECT pk FROM t WHERE r IN (SELECT i FROM t) ORDER BY pk
----
2

statement ok
DROP TABLE t
----
DROP TABLE
