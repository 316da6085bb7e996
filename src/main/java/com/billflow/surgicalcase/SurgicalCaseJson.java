package com.billflow.surgicalcase;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.billflow.money.Money;
import com.billflow.payment.Payment;
import com.billflow.payment.PaymentJson;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** A case as the REST API shows it (SPEC §4). Amounts are in {@code currency}. */
public record SurgicalCaseJson(
        Long id, String caseNumber, SurgicalCaseStatus status, String facilityCode, String surgeon, String procedure,
        LocalDate procedureDate, String rep, String patientRef, String currency, List<Line> lines, BigDecimal total,
        PurchaseOrdersJson purchaseOrders, String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate,
        Instant invoiceSentAt, SendMethod invoiceSentBy, boolean invoicePaid, boolean commissionPaid,
        Instant submittedAt, Instant cancelledAt,
        @Schema(description = "What is still open of the invoice's total (the total until the invoice is paid in part)") BigDecimal openAmount,
        @Schema(description = "The invoice's payments, then the commission's, oldest first") List<PaymentJson> payments) {

    @Schema(name = "CaseLine")
    public record Line(String manufacturer, String partNumber, String lotNumber, String serialNumber, String description,
                       BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CasePurchaseOrders")
    public record PurchaseOrdersJson(String allManufacturers, Map<String, String> byManufacturer) {
    }

    static SurgicalCaseJson of(SurgicalCase c, List<Payment> payments, Money openAmount) {
        Currency currency = c.currency();
        PurchaseOrders po = c.purchaseOrders();
        return new SurgicalCaseJson(c.getId(), c.getCaseNumber(), c.getStatus(), c.getFacilityCode(), c.getSurgeon(),
                c.getProcedureName(), c.getProcedureDate(), c.getRep(), c.getPatientRef(), currency.getCurrencyCode(),
                c.getLines().stream().map(l -> new Line(l.getManufacturer(), l.getPartNumber(), l.getLotNumber(), l.getSerialNumber(),
                        l.getDescription(), l.getQuantity(), l.unitPrice(currency).amount(), l.amount(currency).amount())).toList(),
                c.total().amount(),
                po == null ? null : new PurchaseOrdersJson(po.allManufacturers(), po.isForAllManufacturers() ? null : po.byManufacturer()),
                c.getInvoiceNumber(), c.getInvoiceDate(), c.getDueDate(), c.getInvoiceSentAt(), c.getInvoiceSentBy(),
                c.isInvoicePaid(), c.isCommissionPaid(), c.getSubmittedAt(), c.getCancelledAt(), openAmount.amount(),
                payments.stream().map(PaymentJson::of).toList());
    }
}
