package com.billflow.invoice.process;

import com.billflow.directory.Client;
import com.billflow.directory.ClientService;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryService;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Start listener of the business rule tasks "Decide auto-…": puts the facts the decision tables of
 * {@code processes/InvoiceAutomation.dmn} read into process variables, fresh from the database
 * each time, so an analyst sees in Cockpit what a decision was made on.
 * <p>
 * The total goes in as a {@code Double} ({@link ProductionInvoiceProcess#VAR_INVOICE_TOTAL}): a DMN
 * input needs a FEEL-comparable type, and the table only compares it with a threshold such as
 * {@code < 5000}; the amount itself stays a BigDecimal with its currency in the invoice.
 */
@Component("invoiceAutomationFacts")
class InvoiceAutomation implements ExecutionListener {

    private final InvoiceService invoices;
    private final LaboratoryService laboratories;
    private final ClientService clients;

    InvoiceAutomation(InvoiceService invoices, LaboratoryService laboratories, ClientService clients) {
        this.invoices = invoices;
        this.laboratories = laboratories;
        this.clients = clients;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariables(facts(invoices.get(InvoiceVariables.invoiceId(execution))));
    }

    /** The decision inputs of one invoice: the laboratory's four flags and the invoice's type, total, currency, client and channel. */
    Map<String, Object> facts(Invoice invoice) {
        Laboratory laboratory = laboratories.get(invoice.getLaboratoryCode());
        Client client = clients.get(invoice.getClientCode());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(ProductionInvoiceProcess.VAR_LABORATORY_AUTO_AUTHORISE, laboratory.isAutoAuthorise());
        facts.put(ProductionInvoiceProcess.VAR_LABORATORY_AUTO_TRANSMIT, laboratory.isAutoTransmit());
        facts.put(ProductionInvoiceProcess.VAR_LABORATORY_AUTO_BOOK, laboratory.isAutoBook());
        facts.put(ProductionInvoiceProcess.VAR_LABORATORY_AUTO_BOOK_CREDIT_NOTES, laboratory.isAutoBookCreditNotes());
        facts.put(ProductionInvoiceProcess.VAR_INVOICE_TYPE, invoice.getType().name());
        facts.put(ProductionInvoiceProcess.VAR_INVOICE_TOTAL, invoice.total().amount().doubleValue());
        facts.put(ProductionInvoiceProcess.VAR_INVOICE_CURRENCY, invoice.total().currency().getCurrencyCode());
        facts.put(ProductionInvoiceProcess.VAR_CLIENT_CODE, invoice.getClientCode());
        facts.put(ProductionInvoiceProcess.VAR_TRANSMIT_BY, client.getTransmitBy() == null ? null : client.getTransmitBy().name());
        return facts;
    }
}
