package com.billflow.surgicalcase;

import com.billflow.document.StoredDocument;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.common.CsvDownloads;
import com.billflow.security.Caller;
import com.billflow.surgicalcase.process.SurgicalCaseTasks;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;

@RestController
@RequestMapping("/api/surgical-cases")
class SurgicalCaseController {

    private static final String CASE_WORKERS = "hasAnyAuthority('billing', 'camunda-admin')";

    private final SurgicalCaseService cases;
    private final SurgicalCaseTasks tasks;
    private final SurgicalCaseInvoicing invoicing;
    private final SurgicalCaseExports exports;

    SurgicalCaseController(SurgicalCaseService cases, SurgicalCaseTasks tasks, SurgicalCaseInvoicing invoicing, SurgicalCaseExports exports) {
        this.cases = cases;
        this.tasks = tasks;
        this.invoicing = invoicing;
        this.exports = exports;
    }

    record PurchaseOrdersRequest(String allManufacturers, @Size(max = 50) Map<String, String> byManufacturer) {
    }

    record EmailRequest(String to, Boolean allContacts, String replyTo, String subject, String body) {
    }

    @PostMapping
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    ResponseEntity<SurgicalCaseJson> submit(@Valid @RequestBody SubmitCaseRequest request, Authentication user) {
        SurgicalCase created = cases.submit(request, Caller.from(user));
        return ResponseEntity.created(URI.create("/api/surgical-cases/" + created.getId())).body(SurgicalCaseJson.of(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    SurgicalCaseJson get(@PathVariable Long id, Authentication user) {
        return SurgicalCaseJson.of(cases.getFor(id, Caller.from(user)));
    }

    @PutMapping("/{id}/purchase-orders")
    @PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
    SurgicalCaseJson addPurchaseOrders(@PathVariable Long id, @Valid @RequestBody PurchaseOrdersRequest request, Authentication user) {
        return SurgicalCaseJson.of(tasks.addPurchaseOrders(id, request.allManufacturers(), request.byManufacturer(), Caller.from(user)));
    }

    @PostMapping("/{id}/invoice/email")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson emailInvoice(@PathVariable Long id, @RequestBody(required = false) EmailRequest request, Authentication user) {
        EmailRequest r = request == null ? new EmailRequest(null, null, null, null, null) : request;
        return SurgicalCaseJson.of(tasks.emailInvoice(id,
                new InvoiceEmail(r.to(), Boolean.TRUE.equals(r.allContacts()), r.replyTo(), r.subject(), r.body()), Caller.from(user)));
    }

    @PostMapping("/{id}/invoice-paid")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson invoicePaid(@PathVariable Long id, Authentication user) {
        return SurgicalCaseJson.of(tasks.markInvoicePaid(id, Caller.from(user)));
    }

    @PostMapping("/{id}/commission-paid")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson commissionPaid(@PathVariable Long id, Authentication user) {
        return SurgicalCaseJson.of(tasks.markCommissionPaid(id, Caller.from(user)));
    }

    @PostMapping("/{id}/paid")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson paid(@PathVariable Long id, Authentication user) {
        return SurgicalCaseJson.of(tasks.markPaid(id, Caller.from(user)));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(CASE_WORKERS)
    SurgicalCaseJson cancel(@PathVariable Long id) {
        return SurgicalCaseJson.of(cases.cancel(id));
    }

    @GetMapping("/{id}/invoice.pdf")
    @PreAuthorize(CASE_WORKERS)
    ResponseEntity<byte[]> invoicePdf(@PathVariable Long id) {
        StoredDocument pdf = invoicing.invoicePdf(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.getFileName()).build().toString())
                .header("X-Content-SHA256", pdf.getSha256())
                .body(pdf.getContent());
    }

    /** One invoice is small: it is written to a buffer first so that a refusal is still a clean JSON 4xx. */
    @GetMapping("/{id}/invoice.csv")
    @PreAuthorize("hasAuthority('camunda-admin')")
    void invoiceCsv(@PathVariable Long id, @RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
        AccountingFormat accountingFormat = CsvDownloads.parse(format);
        StringWriter csv = new StringWriter();
        String number = exports.writeCsv(id, accountingFormat, csv);
        CsvDownloads.start(response, number, accountingFormat).write(csv.toString());
    }
}
