# Sub-query removal turns `x IN (SELECT ...)` under OR into a cross join with the sub-query's
# COUNT(*) (a global aggregate: exactly one row, even over no rows). Calcite's SemiJoinRule turned
# that join into a semi join with the aggregate's *input*, which is empty when the sub-query is,
# so the other disjuncts' rows vanished (sqllogictest index/in/10/slt_good_1:1478). The planner
# only lets that rule fire on grouped aggregates; empty-relation pruning is back on.

statement ok
CREATE TABLE tab0 (pk INT PRIMARY KEY, col0 INT, col3 INT, col4 DOUBLE PRECISION)
----
CREATE TABLE

statement ok
INSERT INTO tab0 VALUES (0, 6, 65, 65.1), (5, 87, 46, 26.5), (8, 93, 88, 59.16), (9, 64, 82, 18.73)
----
INSERT 0 4

query
SELECT pk FROM tab0 WHERE (1 = 0 AND col0 IN (SELECT col3 FROM tab0 WHERE col4 = 27.78)) OR col0 > 80 ORDER BY 1
----
5
8

query
SELECT pk FROM tab0 WHERE (col0 IN (75, 1, 60) AND col0 >= 77 AND col0 IN (SELECT col3 FROM tab0 WHERE col4 = 27.78)) OR col0 > 80 ORDER BY 1
----
5
8

query
SELECT pk FROM tab0 WHERE col0 > 80 OR col0 IN (SELECT col3 FROM tab0 WHERE col4 = 27.78) ORDER BY 1
----
5
8

query
SELECT pk FROM tab0 WHERE col0 > 80 OR col0 NOT IN (SELECT col3 FROM tab0 WHERE col4 = 27.78) ORDER BY 1
----
0
5
8
9

query
SELECT pk FROM tab0 WHERE col0 > 90 OR col0 IN (SELECT col3 FROM tab0 WHERE col4 < 20) ORDER BY 1
----
8

query
SELECT pk FROM tab0 WHERE col0 IN (SELECT col3 FROM tab0 WHERE col4 = 27.78) ORDER BY 1

query
SELECT pk FROM tab0 WHERE col0 > 80 AND col0 IN (SELECT col0 FROM tab0 WHERE col4 > 20) ORDER BY 1
----
5
8

query
SELECT pk FROM tab0 WHERE col0 > 80 OR EXISTS (SELECT 1 FROM tab0 WHERE col4 BETWEEN 60 AND 50) ORDER BY 1
----
5
8

# empty-relation pruning must keep the one row of a global aggregate and drop everything else

query
SELECT count(*), max(col0) FROM tab0 WHERE 1 = 0
----
0|NULL

query
SELECT col3, count(*) FROM tab0 WHERE 1 = 0 GROUP BY col3

query
SELECT pk FROM tab0 WHERE col4 BETWEEN 60 AND 50 UNION ALL SELECT pk FROM tab0 WHERE pk = 5
----
5

query
SELECT a.pk, b.pk FROM tab0 a LEFT JOIN (SELECT * FROM tab0 WHERE 1 = 0) b ON a.pk = b.pk ORDER BY 1
----
0|NULL
5|NULL
8|NULL
9|NULL

query
SELECT a.pk FROM tab0 a JOIN (SELECT * FROM tab0 WHERE 1 = 0) b ON a.pk = b.pk

query
SELECT (SELECT count(*) FROM tab0 WHERE col4 BETWEEN 60 AND 50) FROM tab0 WHERE pk = 0
----
0

statement ok
DROP TABLE tab0
----
DROP TABLE
