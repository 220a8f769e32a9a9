-- The SM3 digest of everything a case's last check stored (engine version, each finding's rule, severity, message key,
-- arguments and evidence references in order, and the tagged SM2 results), as lower-case hex. A re-check whose result
-- has the same digest leaves the finding rows as they are and only moves computed_at; any other result replaces them.
-- NULL for checks stored before this column existed (their next check rewrites them).
ALTER TABLE case_check ADD COLUMN result_sm3 CHAR(64);
