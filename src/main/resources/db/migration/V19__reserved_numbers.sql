-- A gap-free number taken for one document in a short transaction of its own (NumberAllocator.reserve), before the
-- slow part of the step that issues the document (rendering its PDF, the engine's flush) and outside its
-- transaction, so the number series is not locked through that part (issue 11). If the step fails and is retried,
-- it finds its number (and the date it was taken for) here: no number is lost or given twice.
create table reserved_number (
    owner_type   varchar(40)  not null,
    owner_id     bigint       not null,
    number       varchar(40)  not null unique,
    number_date  date         not null,
    primary key (owner_type, owner_id)
);
