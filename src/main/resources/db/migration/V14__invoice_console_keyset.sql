-- The Console's invoice list reads newest first by key (created_at, id), never by offset: an office
-- manager's list is filtered by their laboratories, an administrator's is not, so one index of each shape
-- serves "where laboratory_code = ? and (created_at, id) < (?, ?) order by created_at desc, id desc".
create index ix_invoice_laboratory_created on invoice (laboratory_code, created_at, id);
create index ix_invoice_created on invoice (created_at, id);
