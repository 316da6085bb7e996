package com.billflow.invoice;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** An invoice as the REST API shows it (SPEC §5). Amounts are in {@code currency}. */
public record InvoiceJson(
        Long id, InvoiceType type, InvoiceStatus status, String number, String laboratoryCode, String clientCode, String jobNumber,
        String currency, List<Line> lines, BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total, LocalDate invoiceDate,
        LocalDate dueDate, Long originalInvoiceId, Long creditNoteId, Long mergedIntoId, Long proposalId, Long productionInvoiceId,
        String transmittedBy, List<String> allowedActions) {

    @Schema(name = "InvoiceLine")
    public record Line(Long id, LineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal percent,
                       BigDecimal amount) {
    }

    static InvoiceJson of(Invoice i) {
        Currency currency = i.currency();
        return new InvoiceJson(i.getId(), i.getType(), i.getStatus(), i.getNumber(), i.getLaboratoryCode(), i.getClientCode(),
                i.getJobNumber(), currency.getCurrencyCode(),
                i.getLines().stream().map(l -> new Line(l.getId(), l.getKind(), l.getDescription(), l.getQuantity(), l.getUnitPrice(),
                        l.getPercent(), l.amount(currency).amount())).toList(),
                i.subtotal().amount(), i.taxTotal().amount(), i.total().amount(), i.getInvoiceDate(), i.getDueDate(),
                i.getOriginalInvoiceId(), i.getCreditNoteId(), i.getMergedIntoId(), i.getProposalId(), i.getProductionInvoiceId(),
                i.getTransmittedBy(), i.allowedActions());
    }
}
