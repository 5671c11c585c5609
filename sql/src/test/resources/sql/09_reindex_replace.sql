# SQLite statements of the sqllogictest evidence files: REPLACE INTO and INSERT OR REPLACE INTO are
# upserts (the row with the same primary key is replaced); REINDEX checks that the index or table
# exists and does nothing else (index entries are written with their rows).

statement ok
CREATE TABLE t1 (x INTEGER PRIMARY KEY, y VARCHAR(32))
----
CREATE TABLE

statement ok
CREATE INDEX t1i1 ON t1 (y)
----
CREATE INDEX

statement ok
INSERT INTO t1 VALUES (1, 'true'), (0, 'false')
----
INSERT 0 2

statement ok
INSERT OR REPLACE INTO t1 VALUES (1, 'insert or replace')
----
INSERT 0 1

statement ok
REPLACE INTO t1 VALUES (2, 'replace')
----
INSERT 0 1

statement ok
replace into t1 (x, y) values (3, 'r3'), (0, 'again')
----
INSERT 0 2

query
SELECT x, y FROM t1 ORDER BY x
----
0|again
1|insert or replace
2|replace
3|r3

query
SELECT x FROM t1 WHERE y = 'false'

statement ok
REINDEX t1i1
----
REINDEX

statement ok
REINDEX t1
----
REINDEX

statement ok
REINDEX INDEX t1i1
----
REINDEX

statement ok
REINDEX TABLE public.t1
----
REINDEX

statement ok
REINDEX
----
REINDEX

statement error 42704
REINDEX tXiX
----
42704 index or table "txix" does not exist

statement error 42704
REINDEX INDEX t1
----
42704 index "t1" does not exist

statement error 42P01
REINDEX TABLE t1i1
----
42P01 relation "t1i1" does not exist

statement ok
DROP TABLE t1
----
DROP TABLE
