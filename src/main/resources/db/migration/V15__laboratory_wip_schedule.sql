-- Laboratories that asked for WIP documents of all their INITIAL invoices on LaboratoryWipScheduleProcess's
-- timer (month end unless an analyst changed it): who asked and when. No row: the laboratory did not ask.
create table laboratory_wip_schedule (
    laboratory_code  varchar(32)  not null primary key references laboratory (code),
    requested_by     varchar(64)  not null,
    requested_at     timestamp with time zone not null
);
