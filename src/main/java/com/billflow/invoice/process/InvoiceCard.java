package com.billflow.invoice.process;

import com.billflow.directory.ClientService;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceStatus;
import com.billflow.invoice.InvoiceType;
import com.billflow.money.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;

/**
 * What a Tasklist card shows of an invoice task: short display texts kept as process variables
 * (Tasklist cards can show only variables), rewritten whenever a task is created or the invoice's
 * lines or documents change. Words, not enums: "Credit note", "Released", "1,234.50 EUR".
 */
@Component
class InvoiceCard {

    private final InvoiceService invoices;
    private final ClientService clients;

    InvoiceCard(InvoiceService invoices, ClientService clients) {
        this.invoices = invoices;
        this.clients = clients;
    }

    /** The card variables of the invoice, each a String of at most a few dozen characters. */
    @Transactional(readOnly = true)
    Map<String, Object> variables(Long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put(VAR_CARD_NUMBER, invoice.getNumber() == null ? kind(invoice.getType()) + " draft, job " + invoice.getJobNumber() : invoice.getNumber());
        card.put(VAR_CARD_KIND, kind(invoice.getType()));
        card.put(VAR_CARD_CLIENT, clients.get(invoice.getClientCode()).getName());
        card.put(VAR_CARD_TOTAL, money(invoice.total()));
        card.put(VAR_CARD_STATUS, status(invoice.getStatus()));
        return card;
    }

    static String kind(InvoiceType type) {
        return switch (type) {
            case PRODUCTION -> "Invoice";
            case CREDIT_NOTE -> "Credit note";
            case PROPOSAL -> "Proposal";
        };
    }

    /** RELEASED becomes "Released", CREDITED "Credited". */
    static String status(InvoiceStatus status) {
        String name = status.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The amount with the currency's digits and grouping, then the currency code: "1,234.50 EUR", "-90.00 EUR". */
    static String money(Money money) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount()) + " " + money.currency().getCurrencyCode();
    }
}
