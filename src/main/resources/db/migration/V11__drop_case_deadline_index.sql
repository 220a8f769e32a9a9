-- ix_case_deadline (deadline_on) is a prefix of ix_case_deadline_case_no (deadline_on, case_no), added by V9, which
-- serves every query the shorter one did; keeping both only made each insert and status change maintain one index
-- more.
DROP INDEX ix_case_deadline;
