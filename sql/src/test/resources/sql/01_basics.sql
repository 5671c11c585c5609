# Basic DDL, DML and queries.

statement ok
CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, age INT, score DECIMAL(8,2) DEFAULT 0, active BOOL DEFAULT true)
----
CREATE TABLE

statement ok
INSERT INTO users (id, name, age, score) VALUES (1, 'alice', 30, 10.5), (2, 'bob', 25, 7), (3, 'carol', NULL, 12.25), (4, 'dave', 41, -3)
----
INSERT 0 4

query
SELECT * FROM users ORDER BY id
----
1|alice|30|10.50|true
2|bob|25|7.00|true
3|carol|NULL|12.25|true
4|dave|41|-3.00|true

query
SELECT name FROM users WHERE age > 26 ORDER BY name
----
alice
dave

query
SELECT id, name FROM users WHERE id BETWEEN 2 AND 3
----
2|bob
3|carol

query
SELECT count(*), sum(age), avg(age), min(score), max(score) FROM users
----
4|96|32.000000|-3.00|12.25

query
SELECT active, count(*) FROM users GROUP BY active
----
true|4

statement ok
UPDATE users SET age = age + 1, score = score * 2 WHERE id = 2
----
UPDATE 1

query
SELECT * FROM users WHERE id = 2
----
2|bob|26|14.00|true

statement ok
UPDATE users SET active = false WHERE age IS NULL
----
UPDATE 1

statement ok
DELETE FROM users WHERE id = 4
----
DELETE 1

query
SELECT id, active FROM users ORDER BY id
----
1|true
2|true
3|false

query
SELECT id FROM users ORDER BY id DESC LIMIT 2
----
3
2

query
SELECT id FROM users ORDER BY id LIMIT 2 OFFSET 1
----
2
3

query
SELECT 7 / 2, -7 / 2, 7 % 3, 7.0 / 2
----
3|-3|1|3.500000000000

query
SELECT lower('AbC'), upper('abc'), length('hello'), substr('hello', 2, 3), substring('hello' from 2 for 2), trim('  x  '), 'a' || 'b', concat('x', 'y'), replace('aXbX', 'X', '-'), position('l' in 'hello')
----
abc|ABC|5|ell|el|x|ab|xy|a-b-|3

query
SELECT abs(-3), round(2.567, 2), ceil(2.1), floor(2.9), mod(10, 3), power(2, 10), sqrt(16.0)
----
3|2.570|3|2|1|1024.0|4.0

query
SELECT CASE WHEN age > 28 THEN 'old' WHEN age IS NULL THEN 'unknown' ELSE 'young' END FROM users ORDER BY id
----
old
young
unknown

query
SELECT coalesce(age, -1), nullif(id, 2) FROM users ORDER BY id
----
30|1
26|NULL
-1|3

query
SELECT CAST('42' AS INT) + 1, CAST(3.7 AS INT), DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05'
----
43|3|2024-01-02|2024-01-02T03:04:05

query
SELECT id FROM users WHERE name != 'bob' ORDER BY 1
----
1
3

statement error 42P01
SELECT * FROM nope
----
42P01 relation "nope" does not exist

statement error 42703
SELECT nope FROM users
----
42703 column "nope" does not exist

statement error 22012
SELECT 1 / 0
----
22012 division by zero

statement error 22012
SELECT id / 0 FROM users
----
22012 division by zero

statement error 22012
SELECT score / 0 FROM users
----
22012 division by zero

statement error 42601
SELEC * FROM users
----
42601 syntax error near "SELEC * FROM users": Non-query expression encountered in illegal context

statement error 23505
INSERT INTO users (id, name) VALUES (1, 'dup')
----
23505 duplicate key value violates unique constraint "users_pkey"

statement error 23502
INSERT INTO users (id) VALUES (9)
----
23502 null value in column "name" of relation "users" violates not-null constraint

statement error 22001
INSERT INTO users (id, name) VALUES (9, 'a name that is much too long for the column')
----
22001 value too long for type character varying(20)

statement error 0A000
BEGIN
----
0A000 explicit transactions are not supported yet: every statement runs in its own transaction

statement ok
COMMIT
----
COMMIT

statement ok
ROLLBACK
----
ROLLBACK

statement error 22012
SELECT CAST(1.5 AS DOUBLE) / 0
----
22012 division by zero

statement error 22012
SELECT CAST(score AS DOUBLE) / CAST(id - id AS DOUBLE) FROM users
----
22012 division by zero

query
SELECT CAST(3 AS DOUBLE) / 2, CAST(NULL AS DOUBLE) / 0
----
1.5|NULL
