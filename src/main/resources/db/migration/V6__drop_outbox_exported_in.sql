-- An outbox record's exported state is derived from the finished outbound packages in sync_package (an EXPORTED
-- OUTBOUND package whose seq_from..seq_to covers it), so an export records its range in one row instead of
-- updating every outbox row. Every value the column held was written in the same transaction as the package row it
-- names, so nothing is lost by dropping it.
ALTER TABLE outbox DROP COLUMN exported_in;

CREATE INDEX sync_package_direction_result ON sync_package (direction, result, seq_to);
