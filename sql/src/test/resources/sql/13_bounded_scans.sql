# A scan that knows the key bounds of the filter above it returns only rows inside those bounds: no
# rule may take it for the whole table. Calcite's project/filter-into-table-scan rules did (they
# rebuilt a plain scan from it), merging the bounded scan with the table in the cost-based memo, so
# the outer query read only the EXISTS sub-query's rows (found with the sqllogictest CI subset).

statement ok
CREATE TABLE t (id INT PRIMARY KEY, v TEXT)
----
CREATE TABLE

statement ok
INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')
----
INSERT 0 3

query
SELECT id FROM t WHERE id IN (SELECT id FROM t WHERE v > 'a') OR EXISTS (SELECT 1 FROM t WHERE id > 5) ORDER BY 1
----
2
3

query
SELECT id FROM t WHERE id IN (SELECT id FROM t WHERE v > 'b') OR EXISTS (SELECT 1 FROM t WHERE id > 2) ORDER BY 1
----
1
2
3

query
SELECT a.id, b.id FROM t a, t b WHERE b.id > 2 AND a.v < 'c' ORDER BY 1, 2
----
1|3
2|3

query
SELECT (SELECT count(*) FROM t WHERE id >= 2), count(*) FROM t
----
2|3

# Further plans of the cost-based path (SqlScriptCostBasedTest runs every script through it).
# A merge union promises its inputs' order: the limit above it must see the merged order.
statement ok
CREATE TABLE u (id INT PRIMARY KEY, x INT, d DECIMAL(10,2))
----
CREATE TABLE

statement ok
INSERT INTO u VALUES (1, 10, 1.25), (2, -7, -2.50), (3, 30, 0), (4, NULL, NULL)
----
INSERT 0 4

query
SELECT x FROM u UNION ALL SELECT x FROM u ORDER BY 1 LIMIT 3 OFFSET 1
----
-7
10
10

query
SELECT x FROM u UNION SELECT x + 1 FROM u ORDER BY 1 DESC LIMIT 3 OFFSET 1
----
31
30
11

# Decimal division and scale changes round half away from zero, as PostgreSQL's numeric does.
query
SELECT AVG(x), AVG(d), SUM(d) / 3 FROM u
----
11.000000|-0.416667|-0.416667

query
SELECT id, d / 0.7, CAST(d AS DECIMAL(3,1)), d % 0.3 FROM u ORDER BY id
----
1|1.785714|1.3|0.05
2|-3.571429|-2.5|-0.10
3|0.000000|0.0|0.00
4|NULL|NULL|NULL

statement error 22012
SELECT d / 0 FROM u
----
22012 division by zero

statement error 22003
SELECT CAST(d * 100 AS DECIMAL(3,1)) FROM u
----
22003 numeric value out of range: numeric field overflow: a field with precision 3, scale 1 must round to an absolute value less than 10^2

# Sub-queries in an inner join's ON condition, uncorrelated and correlated.
query
SELECT u.id, t.id FROM u JOIN t ON t.id = u.id AND t.v IN (SELECT MAX(v) FROM t) ORDER BY 1, 2
----
3|3

query
SELECT u.id, t.id FROM u JOIN t ON t.id <= u.id AND t.id IN (SELECT MAX(id) FROM t w WHERE w.id <= u.id) ORDER BY 1, 2
----
1|1
2|2
3|3
4|3

# In a filter, a NULL reached through AND/OR (NOT pushed down) is FALSE, as PostgreSQL's planner
# takes it: the operands it removes are never evaluated (random/aggregates: SQLite and PostgreSQL
# return no rows where a division by zero stood beside it).
query
SELECT id FROM u WHERE NOT x * - 8 NOT BETWEEN - x / - (x * 0) AND NULL

query
SELECT id FROM u WHERE (x / x * id) NOT IN (x + - id / 0, - 1, - CAST(NULL AS INTEGER))

query
SELECT id FROM u WHERE x IS NULL OR NOT (x > 20 AND NULL) ORDER BY 1
----
1
2
4

query
SELECT id FROM u WHERE NOT (x / 0 > 60 OR NULL)

statement error 22012
SELECT id FROM u WHERE x / 0 > 1 OR id = 1
----
22012 division by zero

# A filter's conjuncts run cheapest first and stop at the first that is not TRUE (PostgreSQL's
# qual order): the overflowing product is never reached (random/aggregates/slt_good_122).
query
SELECT id FROM u WHERE x * 2147483647 * 2147483647 * x > 0 AND NOT id BETWEEN 0 AND NULL

statement error 22003
SELECT id FROM u WHERE x * 2147483647 * 2147483647 * x > 0 AND id > 0
----
22003 numeric value out of range: integer out of range

# Not supported yet: a correlated sub-query in an outer join's ON condition (a clear 0A000).
statement error 0A000
SELECT u.id, t.id FROM u LEFT JOIN t ON t.id <= u.id AND t.id IN (SELECT MAX(id) FROM t w WHERE w.id <= u.id) ORDER BY 1, 2
----
0A000 a correlated sub-query in an outer join's ON condition is not supported

statement ok
DROP TABLE u
----
DROP TABLE

statement ok
DROP TABLE t
----
DROP TABLE
