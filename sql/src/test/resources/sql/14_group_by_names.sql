# A bare name in GROUP BY is an input column when a FROM item has a column of that name, and only
# otherwise a select-list alias (PostgreSQL's rule). Calcite's validator tried the aliases first;
# the queries with HAVING NULL ... go through it (random/groupby/slt_good_11), the others through
# the direct binder: both must resolve the same way.

statement ok
CREATE TABLE g (k INT PRIMARY KEY, a INT, b INT)
----
CREATE TABLE

statement ok
INSERT INTO g VALUES (1, 10, 1), (2, 10, 2), (3, 20, 3)
----
INSERT 0 3

# "a" is both the column and the alias of -b: the column wins, so -b is not grouped (42803).
statement error 42803
SELECT - b AS a FROM g GROUP BY a
----
42803 column "b" must appear in the GROUP BY clause or be used in an aggregate function

statement error 42803
SELECT - b AS a FROM g GROUP BY a HAVING NULL IS NULL
----
42803 column "b" must appear in the GROUP BY clause or be used in an aggregate function

query
SELECT - a AS a, count(*) FROM g GROUP BY a HAVING NULL IS NULL ORDER BY 1
----
-20|1
-10|2

# Two select items named "a": GROUP BY a is still the column, not an ambiguous alias.
query
SELECT - a AS a, a + 1 AS a FROM g GROUP BY a HAVING NOT NULL IN (- 99) ORDER BY 1

query
SELECT - a AS a, a + 1 AS a FROM g GROUP BY a HAVING NULL IS NULL ORDER BY 1
----
-20|21
-10|11

query
SELECT - a AS a, a + 1 AS a FROM g GROUP BY a ORDER BY 1
----
-20|21
-10|11

# A name no FROM item has is the select-list alias.
query
SELECT a + b AS s, count(*) FROM g GROUP BY s HAVING NULL IS NULL ORDER BY 1
----
11|1
12|1
23|1

query
SELECT a + b AS s, count(*) FROM g GROUP BY s ORDER BY 1
----
11|1
12|1
23|1

# ...also inside GROUPING SETS.
query
SELECT - b AS a, count(*) FROM g GROUP BY GROUPING SETS ((b), ()) HAVING NULL IS NULL ORDER BY 1
----
-3|1
-2|1
-1|1
NULL|3

statement ok
DROP TABLE g
----
DROP TABLE
