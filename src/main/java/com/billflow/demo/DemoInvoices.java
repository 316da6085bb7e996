package com.billflow.demo;

import com.billflow.document.DocumentKind;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceDocumentService;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceType;
import com.billflow.invoice.LineKind;
import com.billflow.invoice.LineRequest;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static com.billflow.invoice.process.ProductionInvoiceProcess.VAR_INVOICE_ID;

/**
 * Walks demo invoices through the real invoice processes the way the office manager would: lines
 * and merges through {@link InvoiceService}, every action by completing the waiting user task
 * ({@link InvoiceTasks}, as the REST API does), so history, numbers, PDFs and mails are real.
 */
@Component
@ConditionalOnProperty(name = "billflow.demo.enabled", havingValue = "true")
class DemoInvoices {

    static final Caller OFFICE = new Caller("office", List.of(Groups.OFFICE_MANAGER));

    private final InvoiceService invoices;
    private final InvoiceTasks tasks;
    private final InvoiceDocumentService documents;
    private final RuntimeService runtime;
    private final ManagementService management;

    DemoInvoices(InvoiceService invoices, InvoiceTasks tasks, InvoiceDocumentService documents, RuntimeService runtime,
                 ManagementService management) {
        this.invoices = invoices;
        this.tasks = tasks;
        this.documents = documents;
        this.runtime = runtime;
        this.management = management;
    }

    /** A new INITIAL invoice with its lines, waiting at Prepare Invoice. */
    Invoice create(String laboratory, String client, String jobNumber, List<LineRequest> lines) {
        return create(InvoiceType.PRODUCTION, laboratory, client, jobNumber, lines);
    }

    /** A new INITIAL proposal with its lines, waiting at Prepare Invoice in ProposalInvoiceProcess. */
    Invoice proposal(String laboratory, String client, String jobNumber, List<LineRequest> lines) {
        return create(InvoiceType.PROPOSAL, laboratory, client, jobNumber, lines);
    }

    private Invoice create(InvoiceType type, String laboratory, String client, String jobNumber, List<LineRequest> lines) {
        Invoice invoice = invoices.create(new CreateInvoiceRequest(laboratory, client, jobNumber, null, type), OFFICE.userId());
        // one transaction for the lines: Prepare Invoice's form is rendered once, not once per line
        return invoices.addLines(invoice.getId(), lines, OFFICE.userId());
    }

    /** The actions one after another, each carried out to the next wait state; answers the invoice (for credit, the credit note). */
    Invoice act(Invoice invoice, InvoiceAction... actions) {
        Invoice result = invoice;
        for (InvoiceAction action : actions) {
            result = act(invoice, action, null);
        }
        return result;
    }

    Invoice act(Invoice invoice, InvoiceAction action, String reason) {
        Invoice result = tasks.perform(invoice.getId(), action, reason, OFFICE);
        runJobs(invoice.getId());
        return result;
    }

    Invoice addLine(Invoice invoice, LineRequest line) {
        return invoices.addLine(invoice.getId(), line, OFFICE.userId());
    }

    void estimate(Invoice invoice) {
        documents.preliminary(invoice.getId(), DocumentKind.ESTIMATE);
    }

    /** The first invoice becomes the DRAFT holding every line; the others end MERGED. */
    Invoice merge(Invoice target, Invoice... others) {
        List<Long> ids = Stream.concat(Stream.of(target), Stream.of(others)).map(Invoice::getId).toList();
        return invoices.merge(ids, OFFICE.userId());
    }

    /**
     * Runs the invoice's due async steps (the transmission) now instead of waiting for the job
     * executor. The executor is woken by every new job and may run the same one at the same
     * moment: the loser of that race gets an optimistic locking failure, and the job is done.
     */
    private void runJobs(Long invoiceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().variableValueEquals(VAR_INVOICE_ID, invoiceId).singleResult();
        if (instance == null) {
            return;
        }
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (OptimisticLockingException ranElsewhere) {
                    // the job executor ran it
                } catch (ProcessEngineException e) {
                    if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                        throw e;
                    }
                }
            }
        }
    }

    static LineRequest sampleTest(String description, int quantity, String unitPrice) {
        return new LineRequest(LineKind.SAMPLE_TEST, description, BigDecimal.valueOf(quantity), new BigDecimal(unitPrice), null);
    }

    static LineRequest cost(String description, int quantity, String unitPrice) {
        return new LineRequest(LineKind.COST, description, BigDecimal.valueOf(quantity), new BigDecimal(unitPrice), null);
    }

    /** A surcharge, rebate or discount (a percent of the sample/test and cost lines) or a tax (a percent of the net after them). */
    static LineRequest percent(LineKind kind, String description, String percent) {
        return new LineRequest(kind, description, null, null, new BigDecimal(percent));
    }
}
