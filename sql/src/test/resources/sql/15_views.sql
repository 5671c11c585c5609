# Views are expanded where a query names them: through the direct binder when the view's body is
# inside its subset, else (window functions here) through Calcite's validator. Both must give
# PostgreSQL's answers (checked against PostgreSQL 15): ORDER BY without LIMIT in a body is
# dropped, with LIMIT kept; aggregates, views over views, column lists, set operations.

statement ok
CREATE TABLE t (k INT PRIMARY KEY, a INT, b TEXT)
----
CREATE TABLE

statement ok
INSERT INTO t VALUES (1, 30, 'x'), (2, 10, 'y'), (3, 20, 'x'), (4, NULL, 'z'), (5, 40, NULL)
----
INSERT 0 5

statement ok
CREATE VIEW ordered AS SELECT k, a FROM t ORDER BY a DESC
----
CREATE VIEW

query
SELECT k FROM ordered ORDER BY k
----
1
2
3
4
5

statement ok
CREATE VIEW top2 AS SELECT k, a FROM t ORDER BY a DESC NULLS LAST LIMIT 2
----
CREATE VIEW

query
SELECT * FROM top2 ORDER BY k
----
1|30
5|40

statement ok
CREATE VIEW sums AS SELECT b, sum(a) AS s, count(*) AS n FROM t GROUP BY b HAVING count(*) > 0
----
CREATE VIEW

query
SELECT b, s, n FROM sums WHERE s > 15 ORDER BY b
----
x|50|2
NULL|40|1

statement ok
CREATE VIEW big AS SELECT s.b, s.s / s.n AS avg_a FROM sums s WHERE s.n > 1
----
CREATE VIEW

query
SELECT big.b, big.avg_a, t.k FROM big JOIN t ON t.b = big.b ORDER BY t.k
----
x|25|1
x|25|3

statement ok
CREATE VIEW named (x, y) AS SELECT k, a / 3 FROM t WHERE a IS NOT NULL
----
CREATE VIEW

query
SELECT x, y FROM named ORDER BY x
----
1|10
2|3
3|6
5|13

statement ok
CREATE VIEW ranked AS SELECT k, rank() OVER (ORDER BY a DESC) AS r FROM t WHERE a IS NOT NULL
----
CREATE VIEW

query
SELECT k, r FROM ranked ORDER BY r
----
5|1
1|2
3|3
2|4

statement ok
CREATE VIEW unioned AS SELECT k FROM t WHERE a > 25 UNION SELECT k FROM t WHERE b = 'x'
----
CREATE VIEW

query
SELECT k FROM unioned ORDER BY k
----
1
3
5

query
SELECT count(*) FROM ordered o1, top2 o2 WHERE o1.k = o2.k
----
2
