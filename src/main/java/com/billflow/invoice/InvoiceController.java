package com.billflow.invoice;

import com.billflow.common.CsvDownloads;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.document.DocumentKind;
import com.billflow.document.StoredDocument;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.security.LaboratoryScope;
import com.billflow.security.LaboratoryTenants;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Laboratory invoices over REST (SPEC §5): office managers and administrators only, and an office
 * manager only for the laboratories whose tenant they belong to ({@link LaboratoryTenants#scopeOf}):
 * every route goes through {@link #visible}, so another laboratory's invoice is 404 exactly like an
 * id that does not exist, and the list holds the caller's laboratories only.
 */
@RestController
@RequestMapping("/api/invoices")
@PreAuthorize("hasAnyAuthority('office-manager', 'camunda-admin')")
class InvoiceController {

    private final InvoiceService invoices;
    private final InvoiceTasks tasks;
    private final InvoiceHistory history;
    private final InvoiceDocumentService documents;
    private final LaboratoryTenants tenants;

    InvoiceController(InvoiceService invoices, InvoiceTasks tasks, InvoiceHistory history, InvoiceDocumentService documents,
                      LaboratoryTenants tenants) {
        this.tenants = tenants;
        this.invoices = invoices;
        this.tasks = tasks;
        this.history = history;
        this.documents = documents;
    }

    record ActionRequest(String reason) {
    }

    record MergeRequest(List<Long> invoiceIds) {
    }

    record PageJson(List<InvoiceJson> items, int page, int size, long totalItems, int totalPages) {
    }

    record DocumentJson(Long id, DocumentKind kind, String fileName, Instant createdAt, String sha256) {
        static DocumentJson of(StoredDocument d) {
            return new DocumentJson(d.getId(), d.getKind(), d.getFileName(), d.getCreatedAt(), d.getSha256());
        }
    }

    @PostMapping
    ResponseEntity<InvoiceJson> create(@Valid @RequestBody CreateInvoiceRequest request, Authentication user) {
        LaboratoryScope scope = tenants.scopeOf(Caller.from(user));
        if (!scope.includes(request.laboratoryCode())) {
            // Worded alike for a laboratory that exists and one that does not, so codes reveal nothing.
            throw new InvalidInputException("laboratoryCode '" + request.laboratoryCode() + "' is not a known laboratory of yours; yours: "
                    + (scope.laboratoryCodes().isEmpty() ? "none (an administrator adds you to a laboratory's tenant in Camunda Admin)"
                    : String.join(", ", scope.laboratoryCodes().stream().sorted().toList())));
        }
        Invoice created = invoices.create(request, user.getName());
        return ResponseEntity.created(URI.create("/api/invoices/" + created.getId())).body(InvoiceJson.of(created));
    }

    @GetMapping("/{id}")
    InvoiceJson get(@PathVariable Long id, Authentication user) {
        return InvoiceJson.of(visible(id, user));
    }

    @GetMapping
    PageJson search(@RequestParam(required = false) InvoiceStatus status, @RequestParam(required = false) InvoiceType type,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Authentication user) {
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidInputException("page must be 0 or more and size between 1 and 100");
        }
        Page<Invoice> found = invoices.search(status, type, tenants.scopeOf(Caller.from(user)).filter(), page, size);
        return new PageJson(found.map(InvoiceJson::of).getContent(), page, size, found.getTotalElements(), found.getTotalPages());
    }

    @PostMapping("/{id}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    InvoiceJson addLine(@PathVariable Long id, @Valid @RequestBody LineRequest line, Authentication user) {
        visible(id, user);
        return InvoiceJson.of(invoices.addLine(id, line, user.getName()));
    }

    @PutMapping("/{id}/lines/{lineId}")
    InvoiceJson changeLine(@PathVariable Long id, @PathVariable Long lineId, @Valid @RequestBody LineRequest line, Authentication user) {
        visible(id, user);
        return InvoiceJson.of(invoices.changeLine(id, lineId, line, user.getName()));
    }

    @DeleteMapping("/{id}/lines/{lineId}")
    InvoiceJson removeLine(@PathVariable Long id, @PathVariable Long lineId, Authentication user) {
        visible(id, user);
        return InvoiceJson.of(invoices.removeLine(id, lineId, user.getName()));
    }

    @PostMapping("/merge")
    InvoiceJson merge(@RequestBody MergeRequest request, Authentication user) {
        if (request.invoiceIds() != null) {
            request.invoiceIds().stream().filter(Objects::nonNull).forEach(id -> visible(id, user));
        }
        return InvoiceJson.of(invoices.merge(request.invoiceIds(), user.getName()));
    }

    /** draft, release, authorise, unauthorise, transmit, book, reject, pay, credit, cancel, reprice (and send, accept for proposals). */
    @PostMapping("/{id}/{action}")
    InvoiceJson act(@PathVariable Long id, @PathVariable String action, @RequestBody(required = false) ActionRequest request,
                    Authentication user) {
        visible(id, user);
        String reason = request == null ? null : request.reason();
        return InvoiceJson.of(tasks.perform(id, InvoiceAction.fromPath(action), reason, Caller.from(user)));
    }

    @PostMapping("/{id}/documents/{kind}")
    @ResponseStatus(HttpStatus.CREATED)
    DocumentJson preliminaryDocument(@PathVariable Long id, @PathVariable String kind, Authentication user) {
        visible(id, user);
        DocumentKind documentKind = switch (kind.toLowerCase(Locale.ROOT)) {
            case "estimate" -> DocumentKind.ESTIMATE;
            case "wip" -> DocumentKind.WIP;
            default -> throw new InvalidInputException("Unknown document '" + kind + "': use documents/estimate or documents/wip");
        };
        return DocumentJson.of(documents.preliminary(id, documentKind));
    }

    @GetMapping("/{id}/documents")
    List<DocumentJson> documents(@PathVariable Long id, Authentication user) {
        visible(id, user);
        return documents.all(id).stream().map(DocumentJson::of).toList();
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable Long id, @PathVariable Long documentId, Authentication user) {
        visible(id, user);
        StoredDocument pdf = documents.get(id, documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.getFileName()).build().toString())
                .header("X-Content-SHA256", pdf.getSha256())
                .body(pdf.getContent());
    }

    @GetMapping("/{id}/history")
    List<InvoiceHistoryEntry> history(@PathVariable Long id, Authentication user) {
        visible(id, user);
        return history.of(id);
    }

    /** Written to a buffer first so that a refusal is still a clean JSON 4xx. */
    @GetMapping("/{id}.csv")
    @PreAuthorize("hasAuthority('camunda-admin')")
    void csv(@PathVariable Long id, @RequestParam(required = false) String format, HttpServletResponse response, Authentication user)
            throws IOException {
        visible(id, user);
        AccountingFormat accountingFormat = CsvDownloads.parse(format);
        StringWriter csv = new StringWriter();
        String number = documents.writeCsv(id, accountingFormat, csv);
        CsvDownloads.start(response, number, accountingFormat).write(csv.toString());
    }

    /** The invoice if it is of one of the caller's laboratories; otherwise 404, worded as for an id that does not exist. */
    private Invoice visible(Long id, Authentication user) {
        Invoice invoice = invoices.get(id);
        if (!tenants.scopeOf(Caller.from(user)).includes(invoice.getLaboratoryCode())) {
            throw NotFoundException.of("Invoice", id);
        }
        return invoice;
    }
}
