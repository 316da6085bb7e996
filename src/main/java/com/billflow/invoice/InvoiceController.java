package com.billflow.invoice;

import com.billflow.apidocs.ApiTags;
import com.billflow.common.CsvDownloads;
import com.billflow.common.InvalidInputException;
import com.billflow.document.DocumentKind;
import com.billflow.document.StoredDocument;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.einvoice.EInvoiceFormat;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.billflow.security.LaboratoryTenants;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import com.billflow.payment.PaymentInput;
import com.billflow.payment.PaymentJson;
import com.billflow.payment.Payments;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Laboratory invoices over REST (SPEC §5): office managers and administrators only, and an office
 * manager only for the laboratories whose tenant they belong to ({@link LaboratoryTenants#scopeOf}):
 * every route goes through {@link #visible}, so another laboratory's invoice is 404 exactly like an
 * id that does not exist, and the list holds the caller's laboratories only.
 */
@RestController
@RequestMapping("/api/invoices")
@PreAuthorize("hasAnyAuthority('office-manager', 'camunda-admin')")
@Tag(name = ApiTags.INVOICES)
class InvoiceController {

    static final int MAX_PAGE_SIZE = 100;

    private final InvoiceService invoices;
    private final InvoiceTasks tasks;
    private final InvoiceHistory history;
    private final InvoiceDocumentService documents;
    private final LaboratoryTenants tenants;
    private final InvoiceSummary summary;
    private final InvoiceAccess access;
    private final ElectronicInvoices electronicInvoices;

    InvoiceController(InvoiceService invoices, InvoiceTasks tasks, InvoiceHistory history, InvoiceDocumentService documents,
                      LaboratoryTenants tenants, InvoiceSummary summary, InvoiceAccess access, ElectronicInvoices electronicInvoices) {
        this.access = access;
        this.electronicInvoices = electronicInvoices;
        this.summary = summary;
        this.tenants = tenants;
        this.invoices = invoices;
        this.tasks = tasks;
        this.history = history;
        this.documents = documents;
    }

    record ActionRequest(@Schema(maxLength = InvoiceLifecycle.MAX_REASON_LENGTH, description = "Required to cancel and reject") String reason,
                         @Schema(description = "pay: the date the client paid; default today, never in the future") LocalDate paymentDate,
                         @Schema(description = "pay: the amount paid in the invoice's currency; default the open amount; more is refused (400),"
                                 + " less is recorded as a partial payment and the invoice stays BOOKED") BigDecimal amount,
                         @Schema(description = "pay: the payment's reference", maxLength = Payments.MAX_REFERENCE) String reference) {

        PaymentInput payment() {
            return new PaymentInput(paymentDate, amount, reference, null);
        }
    }

    record MergeRequest(@Schema(description = "At least two different INITIAL production invoices of one laboratory and client;"
            + " the first becomes the draft that holds every line")
                        @NotNull @Size(min = 2, max = 100, message = "must name at least two (at most 100) invoices to merge") List<@NotNull Long> invoiceIds) {
    }

    @Schema(name = "InvoicePage")
    record PageJson(List<InvoiceJson> items, int page, int size, long totalItems, int totalPages) {
    }

    @Schema(name = "InvoiceDocument")
    record DocumentJson(Long id, DocumentKind kind, String fileName, Instant createdAt, String sha256) {
        static DocumentJson of(StoredDocument d) {
            return new DocumentJson(d.getId(), d.getKind(), d.getFileName(), d.getCreatedAt(), d.getSha256());
        }
    }

    @Operation(summary = "Create an invoice or proposal", description = "Created INITIAL for a job; starts its process.")
    @ApiResponse(responseCode = "201", description = "The invoice as created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<InvoiceJson> create(@Valid @RequestBody CreateInvoiceRequest request, Authentication user) {
        access.requireLaboratory(request.laboratoryCode(), Caller.from(user));
        Invoice created = invoices.create(request, user.getName());
        return ResponseEntity.created(URI.create("/api/invoices/" + created.getId())).body(InvoiceJson.of(created));
    }

    @Operation(summary = "Read an invoice", description = "With `allowedActions`: what its status allows now.")
    @GetMapping("/{id}")
    InvoiceJson get(@PathVariable Long id, Authentication user) {
        return InvoiceJson.of(visible(id, user));
    }

    @Operation(summary = "Find invoices", description = "Newest first, one page at a time.")
    @GetMapping
    PageJson search(@RequestParam(required = false) InvoiceStatus status, @RequestParam(required = false) InvoiceType type,
                    @RequestParam(defaultValue = "0") @Parameter(schema = @Schema(minimum = "0")) int page,
                    @RequestParam(defaultValue = "20") @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_PAGE_SIZE)) int size,
                    Authentication user) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        int lastPage = Integer.MAX_VALUE / size - 1;
        if (page < 0 || page > lastPage) {
            throw new InvalidInputException("page must be between 0 and " + lastPage + " for size " + size + ", was " + page);
        }
        Page<Invoice> found = invoices.search(status, type, tenants.scopeOf(Caller.from(user)).filter(), page, size);
        return new PageJson(found.map(InvoiceJson::of).getContent(), page, size, found.getTotalElements(), found.getTotalPages());
    }

    @Operation(summary = "Add a line", description = "SAMPLE_TEST and COST take quantity and unitPrice (no more decimals than the"
            + " currency has); SURCHARGE, REBATE, DISCOUNT and TAX take a percent. In DRAFT the invoice becomes EDITED.")
    @PostMapping("/{id}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    InvoiceJson addLine(@PathVariable Long id, @Valid @RequestBody LineRequest line, Authentication user) {
        visible(id, user);
        return InvoiceJson.of(invoices.addLine(id, line, user.getName()));
    }

    @Operation(summary = "Change a line", description = "As adding one; the whole line is replaced.")
    @PutMapping("/{id}/lines/{lineId}")
    InvoiceJson changeLine(@PathVariable Long id, @PathVariable Long lineId, @Valid @RequestBody LineRequest line, Authentication user) {
        visible(id, user);
        return InvoiceJson.of(invoices.changeLine(id, lineId, line, user.getName()));
    }

    @Operation(summary = "Remove a line")
    @DeleteMapping("/{id}/lines/{lineId}")
    InvoiceJson removeLine(@PathVariable Long id, @PathVariable Long lineId, Authentication user) {
        visible(id, user);
        return InvoiceJson.of(invoices.removeLine(id, lineId, user.getName()));
    }

    @Operation(summary = "Merge INITIAL invoices into one draft", description = "The others end MERGED with `mergedIntoId`.")
    @ApiResponse(responseCode = "200", description = "The merged draft", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: one of the invoices does not exist")
    @PostMapping("/merge")
    InvoiceJson merge(@Valid @RequestBody MergeRequest request, Authentication user) {
        request.invoiceIds().forEach(id -> visible(id, user));
        return InvoiceJson.of(invoices.merge(request.invoiceIds(), user.getName()));
    }

    /** draft, release, authorise, unauthorise, transmit, book, reject, pay, credit, cancel, reprice (and send, accept for proposals). */
    @Operation(summary = "Move an invoice on", description = "Completes the task of the invoice's process with this action; the"
            + " status decides which actions are allowed (`allowedActions`), anything else is 409. `cancel` and `reject` need a"
            + " `reason`; `credit` answers with the credit note.")
    @PostMapping("/{id}/{action}")
    InvoiceJson act(@PathVariable Long id, @PathVariable @Parameter(schema = @Schema(allowableValues = {"draft", "release", "authorise",
                            "unauthorise", "transmit", "book", "reject", "pay", "credit", "cancel", "reprice", "send", "accept"})) String action, @RequestBody(required = false) ActionRequest request,
                    Authentication user) {
        visible(id, user);
        String reason = request == null ? null : request.reason();
        PaymentInput payment = request == null ? PaymentInput.defaults() : request.payment();
        return InvoiceJson.of(tasks.perform(id, InvoiceAction.fromPath(action), reason, payment, Caller.from(user)));
    }

    @Operation(summary = "Make an estimate or work-in-progress PDF", description = "Only while INITIAL.")
    @PostMapping("/{id}/documents/{kind}")
    @ResponseStatus(HttpStatus.CREATED)
    DocumentJson preliminaryDocument(@PathVariable Long id,
                                     @PathVariable @Parameter(schema = @Schema(allowableValues = {"estimate", "wip"})) String kind,
                                     Authentication user) {
        visible(id, user);
        return DocumentJson.of(documents.preliminary(id, InvoiceDocumentService.preliminaryKindOf(kind)));
    }

    @Operation(summary = "List the invoice's documents")
    @GetMapping("/{id}/documents")
    List<DocumentJson> documents(@PathVariable Long id, Authentication user) {
        visible(id, user);
        return documents.all(id).stream().map(DocumentJson::of).toList();
    }

    @Operation(summary = "Download a document (PDF)", description = "Header `X-Content-SHA256` carries the PDF's SHA-256.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable Long id, @PathVariable Long documentId, Authentication user) {
        visible(id, user);
        StoredDocument pdf = documents.get(id, documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.getFileName()).build().toString())
                .header("X-Content-SHA256", pdf.getSha256())
                .body(pdf.getContent());
    }

    @Operation(summary = "List the invoice's payments", description = "Oldest first: date, amount, reference, PARTIAL or FULL and what"
            + " each left open, who recorded it and when.")
    @GetMapping("/{id}/payments")
    List<PaymentJson> payments(@PathVariable Long id, Authentication user) {
        visible(id, user);
        return summary.payments(id).stream().map(PaymentJson::of).toList();
    }

    @Operation(summary = "Read the invoice's history", description = "Every status change: from, to, who, when, reason;"
            + " and every payment (a partial one as a row from BOOKED to BOOKED), its amount, date, reference and what it left open.")
    @GetMapping("/{id}/history")
    List<InvoiceHistoryEntry> history(@PathVariable Long id, Authentication user) {
        visible(id, user);
        return history.of(id);
    }

    @Operation(summary = "Download the invoice as an EN 16931 e-invoice",
            description = "`format=ubl`: Peppol BIS Billing 3.0 UBL 2.1 Invoice or CreditNote (XML); `format=facturx`: the invoice PDF as"
                    + " PDF/A-3 with the EN 16931 CII XML embedded (Factur-X / ZUGFeRD, profile EN 16931). For invoices and credit notes"
                    + " from AUTHORISED on. Header `X-Content-SHA256` carries the file's SHA-256.")
    @ApiResponse(responseCode = "200", description = "The e-invoice", content = {
            @Content(mediaType = "application/xml", schema = @Schema(type = "string")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "INVALID_INPUT: format is neither ubl nor facturx")
    @ApiResponse(responseCode = "409", description = "ILLEGAL_STATUS: a proposal, not yet authorised, or lacking what EN 16931 needs (named)")
    @GetMapping("/{id}/einvoice")
    ResponseEntity<byte[]> einvoice(@PathVariable Long id, @RequestParam(required = false) @Parameter(description = "ubl or facturx",
            schema = @Schema(allowableValues = {"ubl", "facturx"})) String format, Authentication user) {
        visible(id, user);
        EInvoiceFormat chosen = EInvoiceFormat.parse(format).orElseThrow(() ->
                new InvalidInputException("format must be ubl (Peppol BIS Billing 3.0 UBL) or facturx (Factur-X PDF), not '" + format + "'"));
        ElectronicInvoices.File file = electronicInvoices.file(id, chosen);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-SHA256", file.sha256())
                .body(file.content());
    }

    /** Written to a buffer first so that a refusal is still a clean JSON 4xx. */
    @Operation(summary = "Download the invoice as an accounting import CSV")
    @ApiResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "ILLEGAL_STATUS: a proposal, or not released yet")
    @GetMapping("/{id}.csv")
    @PreAuthorize("hasAuthority('camunda-admin')")
    void csv(@PathVariable Long id, @RequestParam(required = false) @Parameter(description = CsvDownloads.FORMAT_DESCRIPTION,
            schema = @Schema(allowableValues = {"xero", "quickbooks"})) String format, HttpServletResponse response, Authentication user)
            throws IOException {
        visible(id, user);
        AccountingFormat accountingFormat = CsvDownloads.parse(format);
        StringWriter csv = new StringWriter();
        String number = documents.writeCsv(id, accountingFormat, csv);
        CsvDownloads.start(response, number, accountingFormat).write(csv.toString());
    }

    /** The invoice if it is of one of the caller's laboratories; otherwise 404, worded as for an id that does not exist. */
    private Invoice visible(Long id, Authentication user) {
        return access.visible(id, Caller.from(user));
    }
}
