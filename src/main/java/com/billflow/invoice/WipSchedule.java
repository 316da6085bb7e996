package com.billflow.invoice;

import com.billflow.common.InvalidInputException;
import com.billflow.directory.LaboratoryService;
import com.billflow.document.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * WIP documents in the background: which laboratories asked for a WIP document of each of their
 * INITIAL production invoices whenever {@code LaboratoryWipScheduleProcess}'s timer fires (month end
 * unless an analyst changed the cycle), and the run itself. A run changes no status and no line: it
 * only adds a WIP PDF to each invoice, through the same {@link InvoiceDocumentService#preliminary}
 * as the API's {@code POST /api/invoices/{id}/documents/wip}.
 */
@Service
public class WipSchedule {

    /** Who asked and when; {@code requestedBy} is a user id. */
    public record Request(String laboratoryCode, String requestedBy, Instant requestedAt) {
    }

    private final JdbcClient jdbc;
    private final InvoiceRepository invoices;
    private final InvoiceDocumentService documents;
    private final LaboratoryService laboratories;
    private final Clock clock;

    WipSchedule(JdbcClient jdbc, InvoiceRepository invoices, InvoiceDocumentService documents, LaboratoryService laboratories, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.documents = documents;
        this.laboratories = laboratories;
        this.clock = clock;
    }

    /** The laboratory's request, or empty when it has not asked. */
    @Transactional(readOnly = true)
    public Optional<Request> requestOf(String laboratoryCode) {
        return jdbc.sql("select laboratory_code, requested_by, requested_at from laboratory_wip_schedule where laboratory_code = ?")
                .param(laboratoryCode)
                .query((rs, i) -> new Request(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Starts ({@code wanted}) or stops the laboratory's scheduled WIP documents; asking twice keeps the
     * first request. An unknown laboratory is refused (400). The caller checks that it is the actor's.
     */
    @Transactional
    public void request(String laboratoryCode, boolean wanted, String actor) {
        if (laboratoryCode == null || laboratoryCode.isBlank()) {
            throw new InvalidInputException("Choose the laboratory whose WIP documents to schedule");
        }
        laboratories.getReferenced(laboratoryCode);
        if (!wanted) {
            jdbc.sql("delete from laboratory_wip_schedule where laboratory_code = ?").param(laboratoryCode).update();
        } else if (requestOf(laboratoryCode).isEmpty()) {
            jdbc.sql("insert into laboratory_wip_schedule (laboratory_code, requested_by, requested_at) values (?, ?, ?)")
                    .params(laboratoryCode, actor, OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)).update();
        }
    }

    /** The codes of the laboratories that asked, in code order: the collection the process runs over, one job each. */
    @Transactional(readOnly = true)
    public List<String> laboratoriesAsking() {
        return jdbc.sql("select laboratory_code from laboratory_wip_schedule order by laboratory_code").query(String.class).list();
    }

    /**
     * One WIP document for each INITIAL production invoice of the laboratory, in one transaction (a
     * failure leaves none of this run's documents behind, so a retry makes no second copy); answers how
     * many were made. Proposals are left out: a WIP document reports work on a job being invoiced. A
     * laboratory that stopped asking since the run began gets none (0).
     */
    @Transactional
    public int makeWipDocuments(String laboratoryCode) {
        if (requestOf(laboratoryCode).isEmpty()) {
            return 0;
        }
        List<Long> ids = invoices.idsOf(laboratoryCode, InvoiceType.PRODUCTION, InvoiceStatus.INITIAL);
        ids.forEach(id -> documents.preliminary(id, DocumentKind.WIP));
        return ids.size();
    }
}
