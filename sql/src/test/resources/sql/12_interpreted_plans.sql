# Plans run by the interpreter (io.shaledb.sql.interp) rather than generated code: expression
# semantics (NULLs, three-valued logic, overflow, division by zero, casts), n-way inner joins
# ordered at run time, outer joins, correlated and uncorrelated sub-queries, aggregates and set
# operations. With -Dshale.interpret=false (Calcite's generated code) the results are the same
# except three, where the interpreter follows PostgreSQL: the overflow messages ("integer overflow",
# "Value 3000000000 out of range" there),
# a scalar sub-query with two rows (XX000 there, 21000 here) and AVG rounding (16.666666 there).

statement ok
CREATE TABLE a (id INT PRIMARY KEY, x INT, y DOUBLE PRECISION, s TEXT)
----
CREATE TABLE

statement ok
CREATE TABLE b (id INT PRIMARY KEY, a_id INT, n BIGINT)
----
CREATE TABLE

statement ok
CREATE TABLE c (id INT PRIMARY KEY, b_id INT, tag TEXT)
----
CREATE TABLE

statement ok
CREATE INDEX b_a ON b (a_id)
----
CREATE INDEX

statement ok
INSERT INTO a VALUES (1, 10, 1.5, 'one'), (2, NULL, 2.5, 'two'), (3, 30, NULL, NULL), (4, -7, 0.0, 'four')
----
INSERT 0 4

statement ok
INSERT INTO b VALUES (1, 1, 100), (2, 1, 200), (3, 2, NULL), (4, 9, 5), (5, 3, 2147483648)
----
INSERT 0 5

statement ok
INSERT INTO c VALUES (1, 1, 'p'), (2, 2, 'q'), (3, 2, 'r'), (4, 5, 's')
----
INSERT 0 4

query
SELECT id, x + 1, x * 2 - id, -x, x / 3, x % 4, y * 2, ABS(x) FROM a ORDER BY id
----
1|11|19|-10|3|2|3.0|10
2|NULL|NULL|NULL|NULL|NULL|5.0|NULL
3|31|57|-30|10|2|NULL|30
4|-6|-18|7|-2|-3|0.0|7

query
SELECT id FROM a WHERE x > 0 AND y IS NULL OR s = 'two' ORDER BY id
----
2
3

query
SELECT id, x > 5 OR y > 2, x > 5 AND y > 2, NOT (x > 5), x IS NULL, y IS NOT NULL FROM a ORDER BY id
----
1|true|false|false|false|true
2|true|NULL|NULL|true|true
3|true|NULL|false|false|false
4|false|false|true|false|true

query
SELECT id, CASE WHEN x > 5 THEN 'big' WHEN x < 0 THEN 'neg' ELSE 'other' END, COALESCE(x, id * 100), NULLIF(x, 10) FROM a ORDER BY id
----
1|big|10|NULL
2|other|200|NULL
3|big|30|30
4|neg|-7|-7

query
SELECT id FROM a WHERE x IN (10, 30, 99) OR id BETWEEN 4 AND 5 ORDER BY id DESC
----
4
3
1

query
SELECT CAST(x AS BIGINT) + 2147483647, CAST(x AS DOUBLE PRECISION) / 4, CAST(x AS DECIMAL(12, 2)) FROM a WHERE id = 1
----
2147483657|2.5|10.00

statement error 22003
SELECT x + 2147483647 FROM a WHERE id = 1
----
22003 numeric value out of range: integer out of range

statement error 22012
SELECT x / (id - 1) FROM a WHERE id = 1
----
22012 division by zero

statement error 22012
SELECT y / (x - 10) FROM a WHERE id = 1
----
22012 division by zero

query
SELECT a.id, b.id, c.tag FROM a, b, c WHERE b.a_id = a.id AND c.b_id = b.id AND a.x > 0 ORDER BY a.id, b.id, c.tag
----
1|1|p
1|2|q
1|2|r
3|5|s

query
SELECT a.id, b.n FROM a JOIN b ON b.a_id = a.id WHERE b.n > 150 OR b.n IS NULL ORDER BY a.id
----
1|200
2|NULL
3|2147483648

query
SELECT a.id, b.id FROM a LEFT JOIN b ON b.a_id = a.id AND b.n < 150 ORDER BY a.id, b.id
----
1|1
2|NULL
3|NULL
4|NULL

query
SELECT a.id, b.id FROM a RIGHT JOIN b ON b.a_id = a.id ORDER BY b.id
----
1|1
1|2
2|3
NULL|4
3|5

query
SELECT a.id, b.id FROM a FULL JOIN b ON b.a_id = a.id ORDER BY a.id, b.id
----
1|1
1|2
2|3
3|5
4|NULL
NULL|4

query
SELECT id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.a_id = a.id AND b.n > 150) ORDER BY id
----
1
3

query
SELECT id FROM a WHERE id NOT IN (SELECT a_id FROM b WHERE n IS NOT NULL) ORDER BY id
----
2
4

query
SELECT id FROM a WHERE id NOT IN (SELECT a_id FROM b) ORDER BY id
----
4

query
SELECT id, (SELECT MAX(n) FROM b WHERE b.a_id = a.id) FROM a ORDER BY id
----
1|200
2|NULL
3|2147483648
4|NULL

query
SELECT id FROM a WHERE x > (SELECT AVG(x) FROM a) ORDER BY id
----
3

statement error 21000
SELECT id, (SELECT id FROM b WHERE b.a_id = 1) FROM a
----
21000 more than one row returned by a subquery used as an expression

query
SELECT a_id, COUNT(*), COUNT(n), SUM(n), MIN(n), MAX(n), AVG(n) FROM b GROUP BY a_id ORDER BY a_id
----
1|2|2|300|100|200|150.000000
2|1|0|NULL|NULL|NULL|NULL
3|1|1|2147483648|2147483648|2147483648|2147483648.000000
9|1|1|5|5|5|5.000000

query
SELECT COUNT(*), SUM(x), AVG(x), AVG(y), COUNT(DISTINCT a_id), SUM(DISTINCT a_id) FROM a, (SELECT a_id FROM b) t WHERE t.a_id = a.id
----
4|50|16.666667|1.8333333333333333|3|6

query
SELECT COUNT(*), SUM(x), MAX(s) FROM a WHERE id > 100
----
0|NULL|NULL

query
SELECT a_id, SUM(n) FROM b GROUP BY a_id HAVING SUM(n) > 100 ORDER BY 2 DESC
----
3|2147483648
1|300

query
SELECT x FROM a UNION SELECT a_id FROM b ORDER BY 1
----
-7
1
2
3
9
10
30
NULL

query
SELECT x FROM a UNION ALL SELECT x FROM a ORDER BY 1 LIMIT 3 OFFSET 1
----
-7
10
10

query
SELECT id FROM a INTERSECT SELECT a_id FROM b ORDER BY 1
----
1
2
3

query
SELECT id FROM a EXCEPT SELECT a_id FROM b ORDER BY 1
----
4

query
SELECT DISTINCT a_id FROM b WHERE a_id < 5 ORDER BY a_id DESC NULLS FIRST
----
3
2
1

query
SELECT id, s FROM a ORDER BY s NULLS FIRST, id
----
3|NULL
4|four
1|one
2|two

# Narrowing casts to integer types truncate toward zero and raise 22003 out of range, from
# BIGINT, DECIMAL, REAL and DOUBLE PRECISION alike (an aggregate's BIGINT count as well).
statement ok
CREATE TABLE nc (id INT PRIMARY KEY, big BIGINT, d DECIMAL(14,2), r REAL, f DOUBLE PRECISION)
----
CREATE TABLE

statement ok
INSERT INTO nc VALUES (1, -5, 7.50, 2.5, -3.99), (2, 40000, -7.99, -3.5, 9.5), (3, 3000000000, 2147483648.99, 1e10, -1e19)
----
INSERT 0 3

query
SELECT id, CAST(big AS INTEGER), CAST(d AS INTEGER), CAST(r AS INTEGER), CAST(f AS INTEGER), CAST(d AS BIGINT) FROM nc WHERE id < 3 ORDER BY id
----
1|-5|7|2|-3|7
2|40000|-7|-3|9|-7

query
SELECT CAST(COUNT(*) AS INTEGER), -CAST(COUNT(*) AS SMALLINT), CAST(AVG(d) AS INTEGER) FROM nc WHERE id < 3
----
2|-2|0

statement error 22003
SELECT CAST(big AS INTEGER) FROM nc
----
22003 numeric value out of range: integer out of range

statement error 22003
SELECT CAST(big AS SMALLINT) FROM nc WHERE id = 2
----
22003 numeric value out of range: smallint out of range

statement error 22003
SELECT CAST(d AS INTEGER) FROM nc WHERE id = 3
----
22003 numeric value out of range: integer out of range

statement error 22003
SELECT CAST(r AS INTEGER) FROM nc WHERE id = 3
----
22003 numeric value out of range: integer out of range

statement error 22003
SELECT CAST(f AS BIGINT) FROM nc WHERE id = 3
----
22003 numeric value out of range: bigint out of range

query
SELECT CAST(d AS BIGINT), CAST(CAST(r AS DOUBLE PRECISION) AS BIGINT) FROM nc WHERE id = 3
----
2147483648|10000000000

# To REAL: rounded to float4; out of its range raises as PostgreSQL does (generated code would
# give Infinity).
query
SELECT id, CAST(f AS REAL), CAST(d AS REAL), CAST(f * 2 AS REAL) FROM nc WHERE id < 3 ORDER BY id
----
1|-3.99|7.5|-7.98
2|9.5|-7.99|19.0

statement error 22003
SELECT CAST(f * 1e30 AS REAL) FROM nc WHERE id = 3
----
22003 numeric value out of range: value out of range: overflow

# A literal out of REAL's range is not folded into an Infinity (or zero) literal at plan time:
# the cast raises when it runs, on every planning path.
statement error 22003
SELECT CAST(1e300 AS REAL)
----
22003 numeric value out of range: value out of range: overflow

statement error 22003
SELECT id FROM nc WHERE r < CAST(-1e39 AS REAL)
----
22003 numeric value out of range: value out of range: overflow

statement error 22003
SELECT CAST(1e-50 AS REAL) FROM nc
----
22003 numeric value out of range: value out of range: underflow

query
SELECT CAST(3.4e38 AS REAL), CAST(0.0 AS REAL), CAST(-1.5e-30 AS REAL)
----
3.4E38|0.0|-1.5E-30

# Text cast to a number follows the input rules of an INSERT of that text (PostgreSQL's): spaces
# around it are allowed; not a number is 22P02; beyond the type's range is 22003.
query
SELECT CAST(' 12 ' AS INTEGER), CAST('-7' AS BIGINT), CAST('2.5' AS DOUBLE PRECISION), CAST('3.14159' AS DECIMAL(5,2)), CAST('1.5' AS REAL)
----
12|-7|2.5|3.14|1.5

query
SELECT CAST(s AS INTEGER) + 1 FROM (VALUES ('5'), ('-6')) AS v(s)
----
6
-5

statement error 22P02
SELECT CAST(s AS INTEGER) FROM (VALUES ('5'), ('x')) AS v(s)
----
22P02 invalid input syntax for type integer: "x"

statement error 22P02
SELECT CAST('1.5' AS INTEGER) FROM nc
----
22P02 invalid input syntax for type integer: "1.5"

statement error 22003
SELECT CAST('99999999999' AS INTEGER) FROM nc
----
22003 integer out of range

statement error 22003
SELECT CAST('1e300' AS REAL)
----
22003 value out of range: overflow

statement error 22003
SELECT CAST('1e-50' AS REAL) FROM nc
----
22003 value out of range: underflow

# A strict operator over a NULL literal is NULL without evaluating its other operand (as
# PostgreSQL's planner folds it): the CAST that would overflow on row 3 never runs.
query
SELECT id FROM nc WHERE NOT - CAST(big AS INTEGER) * id NOT BETWEEN NULL AND (NULL)

query
SELECT id, CAST(big AS INTEGER) + NULL, NULL * CAST(f AS BIGINT) FROM nc ORDER BY id
----
1|NULL|NULL
2|NULL|NULL
3|NULL|NULL

# Uncorrelated sub-queries run in place, once per execution (IN probes a hash set): NULL on
# either side, empty results, mixed numeric types, in the select list and in ON.
query
SELECT id, x IN (SELECT a_id FROM b), x IN (SELECT a_id FROM b WHERE n IS NOT NULL), id IN (SELECT a_id FROM b WHERE n > 9999), x NOT IN (SELECT a_id FROM b WHERE a_id > 100) FROM a ORDER BY id
----
1|false|false|false|true
2|NULL|NULL|false|true
3|false|false|true|true
4|false|false|false|true

query
SELECT id, id IN (SELECT n / 100 FROM b), y IN (SELECT CAST(a_id AS DOUBLE PRECISION) + 0.5 FROM b), s IN (SELECT tag FROM c) FROM a ORDER BY id
----
1|true|true|false
2|true|true|false
3|NULL|NULL|NULL
4|NULL|false|false

query
SELECT id, EXISTS (SELECT 1 FROM c WHERE tag > 'q'), NOT EXISTS (SELECT 1 FROM c WHERE tag > 'z'), (SELECT MIN(n) FROM b), (SELECT n FROM b WHERE id = 99) FROM a WHERE id IN (SELECT a_id FROM b) ORDER BY id
----
1|true|true|5|NULL
2|true|true|5|NULL
3|true|true|5|NULL

query
SELECT a.id, b.id FROM a JOIN b ON b.a_id = a.id AND b.n IN (SELECT MAX(n) FROM b WHERE n < 1000) ORDER BY 1, 2
----
1|2

statement error 21000
SELECT id FROM a WHERE x = (SELECT n FROM b)
----
21000 more than one row returned by a subquery used as an expression
