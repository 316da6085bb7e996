-- The Console's case list without filters shows the newest events first (order by procedure_date desc, id desc,
-- limit): without this index PostgreSQL reads and sorts every case for each page (issue 11; ListQueryPlansTest).
create index ix_surgical_case_date on surgical_case (procedure_date, id);
