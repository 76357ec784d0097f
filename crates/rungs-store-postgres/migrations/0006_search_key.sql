-- What people are found and sorted by: their name and email folded in Rust
-- (lower case, accents off), the same on both databases; see the store's
-- `search` module. SQL cannot compute it: the store fills it for every row
-- whose key is not the current one when it opens, so rows already here get
-- theirs on the first start after this migration. COLLATE "C" compares
-- byte for byte, as SQLite does, whatever the database's collation.
ALTER TABLE people ADD COLUMN search_key TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX people_search_key ON people (search_key);
