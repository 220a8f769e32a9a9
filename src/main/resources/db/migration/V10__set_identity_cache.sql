-- Identity columns hand out ids from a cache of 1,000 values instead of H2's default 32. H2 records a sequence's
-- progress in a commit of its own each time its cache runs out, and an import of 100,000 cases (a million evidence
-- and attachment rows) spent a fifth of its inserting thread on those commits. A process killed mid-way leaves a gap of
-- at most 1,000 ids in a table (ids are surrogate keys; nothing reads meaning into them); no id is ever handed out
-- twice. The same statements work in PostgreSQL (identity column sequence options).
ALTER TABLE provider ALTER COLUMN id SET CACHE 1000;
ALTER TABLE filing_case ALTER COLUMN id SET CACHE 1000;
ALTER TABLE equipment ALTER COLUMN id SET CACHE 1000;
ALTER TABLE evidence ALTER COLUMN id SET CACHE 1000;
ALTER TABLE attachment ALTER COLUMN id SET CACHE 1000;
ALTER TABLE finding ALTER COLUMN id SET CACHE 1000;
ALTER TABLE app_user ALTER COLUMN id SET CACHE 1000;
ALTER TABLE decision ALTER COLUMN id SET CACHE 1000;
ALTER TABLE decision_signoff ALTER COLUMN id SET CACHE 1000;
ALTER TABLE sync_conflict ALTER COLUMN id SET CACHE 1000;
