package com.billflow.invoice.process;

import com.billflow.security.Groups;
import com.billflow.security.IdentitySetup.TaskFilter;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;

/**
 * The Tasklist filters of the laboratory office managers, one per kind of work; the engine's tenant
 * check narrows each to the user's laboratories. Tasklist shows the number of tasks next to the
 * selected filter's name, and each card the invoice's number, kind, client, total and status
 * ({@link InvoiceCard}).
 */
@Configuration(proxyBeanMethods = false)
class InvoiceFilters {

    /** The card lines, in this order; Tasklist shows the first two until the card is expanded. */
    static final Map<String, String> CARD = cardVariables();

    @Bean
    TaskFilter invoicesToPrepareFilter(TaskService tasks) {
        return filter(tasks, "Invoices to prepare", "New invoices and proposals to draft, and drafts to review and release", -9,
                TASK_PREPARE_INVOICE, TASK_REVIEW_INVOICE);
    }

    @Bean
    TaskFilter invoicesToAuthoriseFilter(TaskService tasks) {
        return filter(tasks, "Invoices to authorise", "Released invoices, credit notes and proposals waiting for an office manager", -8,
                TASK_AUTHORISE_INVOICE);
    }

    @Bean
    TaskFilter invoicesToTransmitFilter(TaskService tasks) {
        return filter(tasks, "Invoices to transmit", "Authorised invoices, credit notes and proposals waiting to go to the client", -7,
                TASK_TRANSMIT_INVOICE, ProposalInvoiceProcess.TASK_SEND_PROPOSAL);
    }

    @Bean
    TaskFilter clientAnswersFilter(TaskService tasks) {
        return filter(tasks, "Client answers", "Transmitted invoices and credit notes, sent proposals, booked invoices awaiting payment", -6,
                TASK_RECORD_CLIENT_RESPONSE, TASK_RECORD_SETTLEMENT, ProposalInvoiceProcess.TASK_RECORD_PROPOSAL_RESPONSE);
    }

    private static TaskFilter filter(TaskService tasks, String name, String description, int priority, String... taskKeys) {
        return new TaskFilter(name, description, priority,
                tasks.createTaskQuery().taskDefinitionKeyIn(taskKeys).taskCandidateGroup(Groups.OFFICE_MANAGER)
                        .includeAssignedTasks().orderByTaskCreateTime().asc(),
                List.of(Groups.OFFICE_MANAGER), CARD);
    }

    private static Map<String, String> cardVariables() {
        Map<String, String> card = new LinkedHashMap<>();
        card.put(VAR_CARD_NUMBER, "Number");
        card.put(VAR_CARD_CLIENT, "Client");
        card.put(VAR_CARD_TOTAL, "Total");
        card.put(VAR_CARD_STATUS, "Status");
        card.put(VAR_CARD_KIND, "Kind");
        card.put(VAR_LABORATORY_CODE, "Laboratory");
        return card;
    }
}
