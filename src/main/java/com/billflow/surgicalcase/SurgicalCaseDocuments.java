package com.billflow.surgicalcase;

import com.billflow.BillflowProperties;
import com.billflow.directory.BillingContact;
import com.billflow.directory.Facility;
import com.billflow.document.csv.AccountingInvoice;
import com.billflow.document.pdf.InvoiceDocument;
import com.billflow.money.Money;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

/** Turns an invoiced case into what the PDF renderer and the CSV writer print. */
@Component
class SurgicalCaseDocuments {

    private final BillflowProperties properties;

    SurgicalCaseDocuments(BillflowProperties properties) {
        this.properties = properties;
    }

    InvoiceDocument invoice(SurgicalCase surgicalCase, Facility facility) {
        Currency currency = surgicalCase.currency();
        List<InvoiceDocument.Line> lines = surgicalCase.getLines().stream().map(line -> new InvoiceDocument.Line(
                line.getManufacturer(), line.getPartNumber(), lotSerial(line), line.getDescription(), line.getQuantity(),
                line.unitPrice(currency), line.amount(currency))).toList();
        Money total = surgicalCase.total();
        return new InvoiceDocument("INVOICE", surgicalCase.getInvoiceNumber(), surgicalCase.getInvoiceDate(), surgicalCase.getDueDate(),
                party(properties.seller()), party(properties.remitTo()), billTo(facility),
                references(surgicalCase), lines, List.of(new InvoiceDocument.SummaryRow("Subtotal", total)), total,
                List.of("Payment terms: " + facility.getPaymentTermsDays() + " days, due " + surgicalCase.getDueDate() + ".",
                        "Please quote invoice number " + surgicalCase.getInvoiceNumber() + " with your payment."));
    }

    AccountingInvoice accounting(SurgicalCase surgicalCase, Facility facility) {
        return accounting(surgicalCase.getInvoiceNumber(), surgicalCase.getInvoiceDate(), surgicalCase.getDueDate(), surgicalCase.currency(),
                surgicalCase.purchaseOrders().reference(surgicalCase.manufacturers()), surgicalCase.getLines(), facility);
    }

    /** As {@link #accounting(SurgicalCase, Facility)}, from the parts the export reads row by row. */
    AccountingInvoice accounting(String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate, Currency currency, String reference,
                                 List<SurgicalCaseLine> caseLines, Facility facility) {
        List<AccountingInvoice.Line> lines = caseLines.stream().map(line -> AccountingInvoice.Line.untaxed(
                line.getPartNumber(), accountingDescription(line), line.getQuantity(),
                line.unitPrice(currency).amount(), line.amount(currency).amount())).toList();
        return new AccountingInvoice(AccountingInvoice.Kind.INVOICE, invoiceNumber, facility.getName(),
                facility.firstBillingContact().map(BillingContact::email).orElse(null), facility.getAddress().streetLines(),
                facility.getAddress().city(), facility.getAddress().region(), facility.getAddress().postalCode(), facility.getAddress().country(),
                reference, invoiceDate, dueDate, "Net " + facility.getPaymentTermsDays(), currency.getCurrencyCode(), lines);
    }

    private static List<InvoiceDocument.Reference> references(SurgicalCase surgicalCase) {
        List<InvoiceDocument.Reference> references = new ArrayList<>();
        references.add(new InvoiceDocument.Reference("Case", surgicalCase.getCaseNumber()));
        PurchaseOrders purchaseOrders = surgicalCase.purchaseOrders();
        if (purchaseOrders.isForAllManufacturers()) {
            references.add(new InvoiceDocument.Reference("PO (all manufacturers)", purchaseOrders.allManufacturers()));
        } else {
            surgicalCase.manufacturers().forEach(m -> references.add(new InvoiceDocument.Reference("PO (" + m + ")", purchaseOrders.poFor(m))));
        }
        references.add(new InvoiceDocument.Reference("Surgeon", surgicalCase.getSurgeon()));
        references.add(new InvoiceDocument.Reference("Procedure", surgicalCase.getProcedureName()));
        references.add(new InvoiceDocument.Reference("Procedure date", surgicalCase.getProcedureDate().toString()));
        references.add(new InvoiceDocument.Reference("Sales rep", surgicalCase.getRep()));
        references.add(new InvoiceDocument.Reference("Patient ref", surgicalCase.getPatientRef()));
        return references;
    }

    private static InvoiceDocument.Party billTo(Facility facility) {
        List<String> contact = facility.firstBillingContact()
                .map(c -> List.of("Attn: " + c.name(), c.email())).orElse(List.of());
        return new InvoiceDocument.Party(facility.getName(), facility.getAddress().printedLines(), contact);
    }

    private static InvoiceDocument.Party party(BillflowProperties.Party party) {
        return new InvoiceDocument.Party(party.name(), party.addressLines(), party.contactLines());
    }

    private static String lotSerial(SurgicalCaseLine line) {
        return Stream.of(line.getLotNumber() == null ? null : "LOT " + line.getLotNumber(),
                        line.getSerialNumber() == null ? null : "SN " + line.getSerialNumber())
                .filter(s -> s != null).reduce((a, b) -> a + " / " + b).orElse(null);
    }

    private static String accountingDescription(SurgicalCaseLine line) {
        String lotSerial = lotSerial(line);
        return line.getManufacturer() + " " + line.getDescription() + (lotSerial == null ? "" : " (" + lotSerial + ")");
    }
}
