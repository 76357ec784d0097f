-- The keyed audit chain: an HMAC-SHA256 of each entry's hash under a key
-- kept outside the database, and of the head. Entries written before a key
-- was used have no MAC; the head says from which entry on they all must.
ALTER TABLE audit ADD COLUMN mac TEXT;
ALTER TABLE audit_head ADD COLUMN mac TEXT;
ALTER TABLE audit_head ADD COLUMN keyed_from BIGINT;
