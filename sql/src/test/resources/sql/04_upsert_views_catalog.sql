# UPSERT, ON CONFLICT, defaults, hidden row ids, views, information_schema, SHOW.

statement ok
CREATE TABLE kv (k TEXT PRIMARY KEY, v INT NOT NULL DEFAULT 0, n INT DEFAULT 1 + 1)
----
CREATE TABLE

statement ok
INSERT INTO kv (k) VALUES ('a')
----
INSERT 0 1

query
SELECT * FROM kv
----
a|0|2

statement ok
INSERT INTO kv VALUES ('a', 5, 5) ON CONFLICT DO NOTHING
----
INSERT 0 0

statement ok
INSERT INTO kv VALUES ('a', 5, 5), ('b', 6, 6) ON CONFLICT (k) DO NOTHING
----
INSERT 0 1

query
SELECT * FROM kv ORDER BY k
----
a|0|2
b|6|6

statement ok
INSERT INTO kv VALUES ('a', 7, 7) ON CONFLICT (k) DO UPDATE SET v = kv.v + excluded.v
----
INSERT 0 1

query
SELECT * FROM kv ORDER BY k
----
a|7|2
b|6|6

statement ok
INSERT INTO kv (k, v) VALUES ('b', 100), ('c', 3) ON CONFLICT (k) DO UPDATE SET v = excluded.v, n = kv.n * 10
----
INSERT 0 2

query
SELECT * FROM kv ORDER BY k
----
a|7|2
b|100|60
c|3|2

statement ok
UPSERT INTO kv (k, v) VALUES ('c', 33), ('d', 4)
----
INSERT 0 2

query
SELECT * FROM kv ORDER BY k
----
a|7|2
b|100|60
c|33|2
d|4|2

statement error 42000
INSERT INTO kv VALUES ('a', 1, 1) ON CONFLICT (v) DO NOTHING
----
42000 there is no unique or exclusion constraint matching the ON CONFLICT specification

statement ok
INSERT INTO kv VALUES ('a', DEFAULT, 9) ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE kv.n > 100
----
INSERT 0 0

query
SELECT * FROM kv WHERE k = 'a'
----
a|7|2

statement ok
CREATE TABLE log (msg TEXT, "at" DATE)
----
CREATE TABLE

statement ok
INSERT INTO log VALUES ('one', DATE '2024-01-02'), ('two', '2024-02-03')
----
INSERT 0 2

query
SELECT msg, "at" FROM log ORDER BY msg
----
one|2024-01-02
two|2024-02-03

statement ok
UPDATE log SET msg = upper(msg) WHERE "at" > DATE '2024-01-31'
----
UPDATE 1

query
SELECT * FROM log ORDER BY msg
----
TWO|2024-02-03
one|2024-01-02

statement ok
DELETE FROM log WHERE msg = 'one'
----
DELETE 1

query
SELECT count(*) FROM log
----
1

statement ok
CREATE VIEW big_kv AS SELECT k, v * 10 AS v10 FROM kv WHERE v > 4
----
CREATE VIEW

query
SELECT * FROM big_kv ORDER BY k
----
a|70
b|1000
c|330

query
SELECT b.k FROM big_kv b JOIN kv ON kv.k = b.k WHERE kv.n = 2 ORDER BY 1
----
a
c

statement error 42809
INSERT INTO big_kv VALUES ('z', 1)
----
42809 cannot modify view "big_kv"

query
SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables ORDER BY table_name
----
defaultdb|public|big_kv|VIEW
defaultdb|public|kv|BASE TABLE
defaultdb|public|log|BASE TABLE

query
SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name IN ('kv', 'log') ORDER BY table_name, ordinal_position
----
kv|k|1|text|NO|NULL
kv|v|2|integer|NO|0
kv|n|3|integer|YES|1 + 1
log|msg|1|text|YES|NULL
log|at|2|date|YES|NULL

query
SHOW TABLES
----
big_kv
kv
log

query
SHOW COLUMNS FROM kv
----
k|text|NO|NULL
v|integer|NO|0
n|integer|YES|1 + 1

query
SHOW DATABASES
----
defaultdb
system

statement error 42P01
SHOW COLUMNS FROM nope
----
42P01 relation "nope" does not exist

statement ok
CREATE DATABASE other
----
CREATE DATABASE

query
SHOW DATABASES
----
defaultdb
other
system

statement ok
SET application_name = 'tests'
----
SET

query
SHOW application_name
----
tests

statement ok
DROP VIEW big_kv
----
DROP VIEW

statement error 42809
DROP VIEW kv
----
42809 "kv" is not a view

statement ok
DROP TABLE IF EXISTS nope, log CASCADE
----
DROP TABLE

statement error 42P01
DROP TABLE log
----
42P01 relation "log" does not exist

query
SHOW TABLES
----
kv

query
SELECT * FROM public.kv WHERE k = 'd'
----
d|4|2

statement error 42P07
CREATE TABLE kv (x INT)
----
42P07 relation "kv" already exists

statement ok
CREATE TABLE IF NOT EXISTS kv (x INT)
----
CREATE TABLE

statement error 42701
CREATE TABLE dupcol (x INT, x INT)
----
42701 column "x" specified more than once

statement error 42601
CREATE TABLE bad (x INT DEFAULT (1 +))
----
42601 syntax error near "+))": Encountered "+ )" at line 1, column 4.

statement error 42704
CREATE TABLE bad (x NOSUCHTYPE)
----
42704 type "nosuchtype" does not exist

statement ok
CREATE TABLE types (s SMALLINT, i INT4, b INT8, d NUMERIC(10,3), r REAL, f DOUBLE PRECISION, vc CHARACTER VARYING(5), c CHAR(3), t STRING, bo BOOLEAN, da DATE, ts TIMESTAMP, byt BYTEA)
----
CREATE TABLE

statement ok
INSERT INTO types VALUES (1, 2, 3, 4.5, 1.5, 2.25, 'abc', 'x', 'text', true, DATE '2020-02-29', TIMESTAMP '2020-01-01 12:00:00.5', X'01ff')
----
INSERT 0 1

query
SELECT * FROM types
----
1|2|3|4.500|1.5|2.25|abc|x  |text|true|2020-02-29|2020-01-01T12:00:00.500|\x01ff

query
SELECT s + 1, i * 2, b - 1, d * 2, r, f / 2, vc || '!', c, t, NOT bo, da, ts, byt FROM types
----
2|4|2|9.000|1.5|1.125|abc!|x  |text|false|2020-02-29|2020-01-01T12:00:00.500|\x01ff

statement error 22003
INSERT INTO types (s) VALUES (70000)
----
22003 smallint out of range

statement error 22P02
INSERT INTO types (i) VALUES ('abc')
----
22P02 invalid input syntax for type integer: "abc"

statement ok
CREATE TABLE stamped (id INT PRIMARY KEY, at_ts TIMESTAMP DEFAULT now(), dday DATE DEFAULT CURRENT_DATE, note TEXT DEFAULT 'none')
----
CREATE TABLE

statement ok
INSERT INTO stamped (id) VALUES (1)
----
INSERT 0 1

query
SELECT id, at_ts IS NOT NULL, dday IS NOT NULL, note FROM stamped
----
1|true|true|none

query
SELECT count(*) FROM stamped WHERE at_ts <= now() AND at_ts > TIMESTAMP '2000-01-01 00:00:00'
----
1

statement error 42804
INSERT INTO stamped (id, dday) VALUES (2, true)
----
42804 column "dday" is of type date but expression is of type boolean

statement error 42703
INSERT INTO stamped (id, nope) VALUES (3, 1)
----
42703 column "nope" of relation "stamped" does not exist

statement error 42601
INSERT INTO stamped (id, note) VALUES (3)
----
42601 INSERT has more target columns than expressions

statement error 42P01
INSERT INTO nope VALUES (1)
----
42P01 relation "nope" does not exist

statement error 42P01
UPDATE nope SET x = 1
----
42P01 relation "nope" does not exist

statement error 42703
UPDATE stamped SET nope = 1
----
42703 column "nope" of relation "stamped" does not exist

statement error 42703
DELETE FROM stamped WHERE nope = 1
----
42703 column "nope" does not exist

statement ok
INSERT INTO stamped (id, note) SELECT id + 10, 'copy' FROM stamped
----
INSERT 0 1

query
SELECT id, note FROM stamped ORDER BY id
----
1|none
11|copy

statement ok
INSERT INTO stamped (id, note) VALUES (20, lower('ABC')), (21, 'x' || 'y')
----
INSERT 0 2

query
SELECT id, note FROM stamped WHERE id >= 20 ORDER BY id
----
20|abc
21|xy

query
SELECT version(), current_database()
----
ShaleDB 0.1.0 (PostgreSQL 13 compatible subset)|defaultdb

query
SHOW TRANSACTION ISOLATION LEVEL
----
serializable

statement ok
SET extra_float_digits = 3
----
SET

statement ok
CREATE TABLE acct (id INT PRIMARY KEY, email TEXT UNIQUE, visits INT DEFAULT 0)
----
CREATE TABLE

statement ok
INSERT INTO acct VALUES (1, 'a@x', 1), (2, 'b@x', 1)
----
INSERT 0 2

statement ok
INSERT INTO acct VALUES (3, 'a@x', 5) ON CONFLICT (email) DO UPDATE SET visits = acct.visits + excluded.visits
----
INSERT 0 1

statement ok
INSERT INTO acct VALUES (4, 'b@x', 5) ON CONFLICT DO NOTHING
----
INSERT 0 0

statement error 23505
INSERT INTO acct VALUES (5, 'b@x', 5)
----
23505 duplicate key value violates unique constraint "acct_email_key"

query
SELECT id, email, visits FROM acct ORDER BY id
----
1|a@x|6
2|b@x|1

statement ok
UPSERT INTO acct VALUES (2, 'c@x', 10), (6, 'd@x', 1)
----
INSERT 0 2

query
SELECT id, email, visits FROM acct ORDER BY id
----
1|a@x|6
2|c@x|10
6|d@x|1

query
SELECT id FROM acct WHERE email = 'c@x'
----
2

statement ok
UPDATE acct SET visits = DEFAULT WHERE id = 6
----
UPDATE 1

query
SELECT visits FROM acct WHERE id = 6
----
0

query
INSERT INTO acct (id, email) VALUES (7, 'e@x'), (8, 'f@x') RETURNING id, visits
----
7|0
8|0

query
UPDATE acct SET visits = visits + 1 WHERE id >= 7 RETURNING *
----
7|e@x|1
8|f@x|1

query
DELETE FROM acct WHERE id = 8 RETURNING email
----
f@x

query
UPSERT INTO acct VALUES (7, 'e@x', 70) RETURNING visits
----
70

query
INSERT INTO acct VALUES (7, 'e@x', 1) ON CONFLICT (id) DO UPDATE SET visits = acct.visits + 1 RETURNING id, visits
----
7|71

statement error 42703
INSERT INTO acct (id, email) VALUES (9, 'g@x') RETURNING nope
----
42703 column "nope" does not exist
