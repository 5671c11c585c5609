# Joins, subqueries, set operations, aggregates.

statement ok
CREATE TABLE dept (id INT PRIMARY KEY, name TEXT)
----
CREATE TABLE

statement ok
CREATE TABLE emp (id INT PRIMARY KEY, name TEXT, dept_id INT, salary BIGINT)
----
CREATE TABLE

statement ok
INSERT INTO dept VALUES (1, 'eng'), (2, 'sales'), (3, 'empty')
----
INSERT 0 3

statement ok
INSERT INTO emp VALUES (10, 'ann', 1, 100), (11, 'ben', 1, 200), (12, 'cat', 2, 150), (13, 'dan', NULL, 50)
----
INSERT 0 4

query
SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.name
----
ann|eng
ben|eng
cat|sales

query
SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON e.dept_id = d.id ORDER BY e.name
----
ann|eng
ben|eng
cat|sales
dan|NULL

query
SELECT e.name, d.name FROM emp e RIGHT JOIN dept d ON e.dept_id = d.id ORDER BY d.name, e.name
----
NULL|empty
ann|eng
ben|eng
cat|sales

query
SELECT e.name, d.name FROM emp e FULL JOIN dept d ON e.dept_id = d.id ORDER BY e.name, d.name
----
ann|eng
ben|eng
cat|sales
dan|NULL
NULL|empty

query
SELECT count(*) FROM emp CROSS JOIN dept
----
12

query
SELECT d.name, count(e.id), sum(e.salary) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.name HAVING count(e.id) > 0 ORDER BY d.name
----
eng|2|300
sales|1|150

query
SELECT count(DISTINCT dept_id), count(dept_id), sum(DISTINCT salary) FROM emp
----
2|3|500

query
SELECT name FROM emp WHERE salary = (SELECT max(salary) FROM emp)
----
ben

query
SELECT name FROM emp WHERE dept_id IN (SELECT id FROM dept WHERE name = 'eng') ORDER BY name
----
ann
ben

query
SELECT name FROM dept d WHERE EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id) ORDER BY name
----
eng
sales

query
SELECT name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id)
----
empty

query
SELECT e.name, (SELECT d.name FROM dept d WHERE d.id = e.dept_id) FROM emp e ORDER BY e.id
----
ann|eng
ben|eng
cat|sales
dan|NULL

query
SELECT name FROM emp e WHERE salary > (SELECT avg(salary) FROM emp x WHERE x.dept_id = e.dept_id) ORDER BY name
----
ben

query
SELECT dept_id FROM emp UNION SELECT id FROM dept ORDER BY 1
----
1
2
3
NULL

query
SELECT dept_id FROM emp WHERE dept_id IS NOT NULL UNION ALL SELECT id FROM dept ORDER BY 1
----
1
1
1
2
2
3

query
SELECT id FROM dept INTERSECT SELECT dept_id FROM emp ORDER BY 1
----
1
2

query
SELECT id FROM dept EXCEPT SELECT dept_id FROM emp
----
3

query
SELECT DISTINCT dept_id FROM emp ORDER BY dept_id
----
1
2
NULL

query
SELECT * FROM (SELECT name, salary * 2 AS s2 FROM emp) t WHERE s2 > 250 ORDER BY s2
----
cat|300
ben|400

query
WITH big AS (SELECT * FROM emp WHERE salary >= 150) SELECT name FROM big ORDER BY name
----
ben
cat

query
SELECT dept_id, max(name), min(salary) FROM emp GROUP BY dept_id ORDER BY dept_id
----
1|ben|100
2|cat|150
NULL|dan|50

query
SELECT name FROM emp ORDER BY salary DESC LIMIT 1
----
ben

query
SELECT name FROM emp ORDER BY dept_id NULLS FIRST, name
----
dan
ann
ben
cat

statement error 42702
SELECT name FROM emp, dept
----
42702 column reference "name" is ambiguous

statement error 42803
SELECT name, count(*) FROM emp
----
42803 column "name" must appear in the GROUP BY clause or be used in an aggregate function

statement error 42883
SELECT nosuchfn(1)
----
42883 function nosuchfn(<NUMERIC>) does not exist (check the name and argument types)

statement error 22P02
SELECT 'a' + 1 FROM emp
----
22P02 invalid input syntax for type integer: "a"

statement ok
CREATE TABLE stats (id INT PRIMARY KEY, value TEXT, count INT, day DATE, year INT)
----
CREATE TABLE

statement ok
INSERT INTO stats (id, value, count, day, year) VALUES (1, 'v', 3, DATE '2024-03-04', 2024)
----
INSERT 0 1

query
SELECT value, count, day, year, count(*), extract(year from day), EXTRACT(DAY FROM day) FROM stats s WHERE value = 'v' AND year > 2000 GROUP BY id, value, count, day, year
----
v|3|2024-03-04|2024|1|2024|4

statement ok
UPDATE stats SET value = 'w', count = count + 1 WHERE day = DATE '2024-03-04'
----
UPDATE 1

query
SELECT value, count FROM stats ORDER BY value, count
----
w|4

query
SELECT 1::int, '5'::int8 + 1, (1 + 2)::text, CAST(3 AS text), id::float8 FROM stats WHERE value::text = 'w'
----
1|6|3|3|1.0

query
SELECT name FROM emp WHERE name LIKE 'b%' OR name IN ('cat') ORDER BY name
----
ben
cat

query
SELECT name, row_number() OVER (ORDER BY salary DESC) FROM emp ORDER BY 2
----
ben|1
cat|2
ann|3
dan|4

statement error 42P01
SELECT * FROM Stats2
----
42P01 relation "stats2" does not exist

statement ok
TRUNCATE TABLE stats
----
DELETE 1

query
SELECT count(*) FROM stats
----
0
