# Index choice and spans shown by EXPLAIN; secondary index maintenance.

statement ok
CREATE TABLE t (a INT, b INT, c TEXT, d INT, PRIMARY KEY (a, b))
----
CREATE TABLE

statement ok
INSERT INTO t VALUES (1, 1, 'x', 10), (1, 2, 'y', 20), (2, 1, 'z', 30), (2, 5, 'x', 40), (3, 3, 'w', 50)
----
INSERT 0 5

query
EXPLAIN SELECT * FROM t WHERE a = 1 AND b = 2
----
EnumerableCalc(expr#0..3=[{inputs}], expr#4=[1], expr#5=[=($t0, $t4)], expr#6=[2], expr#7=[=($t1, $t6)], expr#8=[AND($t5, $t7)], proj#0..3=[{exprs}], $condition=[$t8])
  ShaleIndexScan(table=[[public, t]], bounds=[[=($0, 1), =($1, 2)]])
point get of t@t_pkey spans: /Table/101/1/1/2

query
SELECT * FROM t WHERE a = 1 AND b = 2
----
1|2|y|20

query
EXPLAIN SELECT * FROM t WHERE a = 2 AND b > 1
----
EnumerableCalc(expr#0..3=[{inputs}], expr#4=[2], expr#5=[=($t0, $t4)], expr#6=[1], expr#7=[>($t1, $t6)], expr#8=[AND($t5, $t7)], proj#0..3=[{exprs}], $condition=[$t8])
  ShaleIndexScan(table=[[public, t]], bounds=[[=($0, 2), >($1, 1)]])
span scan of t@t_pkey spans: /Table/101/1/2/1 (excl) - /Table/101/1/2

query
SELECT * FROM t WHERE a = 2 AND b > 1
----
2|5|x|40

query
EXPLAIN SELECT * FROM t WHERE a >= 2 AND a < 3
----
EnumerableCalc(expr#0..3=[{inputs}], expr#4=[Sarg[[2..3)]], expr#5=[SEARCH($t0, $t4)], proj#0..3=[{exprs}], $condition=[$t5])
  ShaleIndexScan(table=[[public, t]], bounds=[[SEARCH($0, Sarg[[2..3)])]])
span scan of t@t_pkey spans: /Table/101/1/2 - /Table/101/1/3 (excl)

query
SELECT c FROM t WHERE a >= 2 AND a < 3 ORDER BY b
----
z
x

query
EXPLAIN SELECT * FROM t WHERE d = 30
----
EnumerableCalc(expr#0..3=[{inputs}], expr#4=[30], expr#5=[=($t3, $t4)], proj#0..3=[{exprs}], $condition=[$t5])
  ShaleIndexScan(table=[[public, t]], bounds=[[=($3, 30)]])
full scan of t@t_pkey spans: /Table/101/1

statement ok
CREATE INDEX t_c_idx ON t (c)
----
CREATE INDEX

query
EXPLAIN SELECT a, b FROM t WHERE c = 'x'
----
EnumerableCalc(expr#0..3=[{inputs}], expr#4=['x':VARCHAR], expr#5=[=($t2, $t4)], proj#0..1=[{exprs}], $condition=[$t5])
  ShaleIndexScan(table=[[public, t]], bounds=[[=($2, 'x')]])
span scan of t@t_c_idx spans: /Table/101/2/'x'

query
SELECT a, b FROM t WHERE c = 'x' ORDER BY a, b
----
1|1
2|5

statement ok
UPDATE t SET c = 'q' WHERE a = 1 AND b = 1
----
UPDATE 1

query
SELECT a, b FROM t WHERE c = 'x' ORDER BY a, b
----
2|5

query
SELECT a, b FROM t WHERE c = 'q'
----
1|1

statement ok
DELETE FROM t WHERE c = 'x'
----
DELETE 1

query
SELECT a, b, c FROM t ORDER BY a, b
----
1|1|q
1|2|y
2|1|z
3|3|w

statement ok
CREATE UNIQUE INDEX IF NOT EXISTS t_d_key ON t (d DESC)
----
CREATE INDEX

statement error 23505
INSERT INTO t VALUES (9, 9, 'dup', 50)
----
23505 duplicate key value violates unique constraint "t_d_key"

query
EXPLAIN SELECT a FROM t WHERE d = 50
----
EnumerableCalc(expr#0..3=[{inputs}], expr#4=[50], expr#5=[=($t3, $t4)], a=[$t0], $condition=[$t5])
  ShaleIndexScan(table=[[public, t]], bounds=[[=($3, 50)]])
span scan of t@t_d_key spans: /Table/101/3/50

query
SELECT a FROM t WHERE d = 50
----
3

query
EXPLAIN UPDATE t SET d = d + 1 WHERE a = 3
----
update rows read by:
EnumerableCalc(expr#0..3=[{inputs}], expr#4=[1], expr#5=[+($t3, $t4)], expr#6=[3], expr#7=[=($t0, $t6)], proj#0..3=[{exprs}], EXPR$4=[$t5], $condition=[$t7])
  ShaleIndexScan(table=[[public, t]], bounds=[[=($0, 3)]])
span scan of t@t_pkey spans: /Table/101/1/3

query
EXPLAIN DELETE FROM t WHERE a = 1 AND b = 2
----
delete rows read by:
EnumerableCalc(expr#0..3=[{inputs}], expr#4=[1], expr#5=[=($t0, $t4)], expr#6=[2], expr#7=[=($t1, $t6)], expr#8=[AND($t5, $t7)], proj#0..3=[{exprs}], $condition=[$t8])
  ShaleIndexScan(table=[[public, t]], bounds=[[=($0, 1), =($1, 2)]])
point get of t@t_pkey spans: /Table/101/1/1/2

statement ok
DROP INDEX t_c_idx
----
DROP INDEX

query
EXPLAIN SELECT a, b FROM t WHERE c = 'q'
----
EnumerableCalc(expr#0..3=[{inputs}], expr#4=['q':VARCHAR], expr#5=[=($t2, $t4)], proj#0..1=[{exprs}], $condition=[$t5])
  ShaleIndexScan(table=[[public, t]], bounds=[[=($2, 'q')]])
full scan of t@t_pkey spans: /Table/101/1

statement error 42704
DROP INDEX t_c_idx
----
42704 index "t_c_idx" does not exist

statement ok
DROP INDEX IF EXISTS t_c_idx
----
DROP INDEX

statement error 42P07
CREATE INDEX t_d_key ON t (c)
----
42P07 relation "t_d_key" already exists

query
EXPLAIN SELECT * FROM t t1 JOIN t t2 ON t1.a = t2.b WHERE t1.a = 3
----
EnumerableHashJoin(condition=[=($0, $5)], joinType=[inner])
  EnumerableCalc(expr#0..3=[{inputs}], expr#4=[3], expr#5=[=($t0, $t4)], proj#0..3=[{exprs}], $condition=[$t5])
    ShaleIndexScan(table=[[public, t]], bounds=[[=($0, 3)]])
  EnumerableTableScan(table=[[public, t]])
span scan of t@t_pkey spans: /Table/101/1/3
full scan of t@t_pkey spans: /Table/101/1
