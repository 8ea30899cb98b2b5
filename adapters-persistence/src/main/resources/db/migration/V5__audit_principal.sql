-- Who acted: admin, anonymous or system:<job>. Entries written before this column existed keep ''.
ALTER TABLE audit_log ADD COLUMN principal TEXT NOT NULL DEFAULT '';
