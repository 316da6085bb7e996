-- The Console's case list reads by key (procedure_date, id), newest first: a rep's own cases without a
-- status filter from (rep, procedure_date, id), the back office's unfiltered list from (procedure_date, id).
-- With a status the existing (status, procedure_date, id) and (rep, status, procedure_date, id) serve it.
create index ix_surgical_case_rep_date on surgical_case (rep, procedure_date, id);
create index ix_surgical_case_date on surgical_case (procedure_date, id);
