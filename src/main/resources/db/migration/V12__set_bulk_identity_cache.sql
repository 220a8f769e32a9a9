-- The tables an import or a re-check fills by the hundred thousand hand out ids from a cache of 100,000 values
-- (V10 set 1,000). Each time a cache runs out, H2 records the sequence's progress in a commit of its own, and with
-- no write delay every commit writes out the store's changed pages, including those of the import's own (still
-- uncommitted) transaction: with 1,000, a 25,000-case import still spent a sixth of its inserting thread on about
-- 750 such commits. A process killed mid-way leaves a gap of at most 100,000 ids in these tables (ids are surrogate
-- BIGINT keys; nothing reads meaning into them); no id is ever handed out twice. The other identity columns keep
-- 1,000. The same statements work in PostgreSQL (identity column sequence options).
ALTER TABLE provider ALTER COLUMN id SET CACHE 100000;
ALTER TABLE filing_case ALTER COLUMN id SET CACHE 100000;
ALTER TABLE equipment ALTER COLUMN id SET CACHE 100000;
ALTER TABLE evidence ALTER COLUMN id SET CACHE 100000;
ALTER TABLE attachment ALTER COLUMN id SET CACHE 100000;
ALTER TABLE finding ALTER COLUMN id SET CACHE 100000;
