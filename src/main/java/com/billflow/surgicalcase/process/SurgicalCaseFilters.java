package com.billflow.surgicalcase.process;

import com.billflow.security.Groups;
import com.billflow.security.IdentitySetup.TaskFilter;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/**
 * The Tasklist filters of surgical case billing, one per kind of work, each oldest due first.
 * Tasklist shows each filter's count next to its name ("refresh" keeps it current), and on each
 * card the case number, facility, value and event date ({@link CaseTaskDetails}), then the invoice number.
 */
@Configuration(proxyBeanMethods = false)
class SurgicalCaseFilters {

    /** The card lines, in this order; Tasklist shows the first two until the card is expanded. */
    static final Map<String, String> CARD = cardVariables();

    @Bean
    TaskFilter pendingPurchaseOrdersFilter(TaskService tasks) {
        return new TaskFilter("Pending PO#'s", "Surgical cases waiting for the hospital's purchase order", -10,
                caseTasks(tasks, TASK_ADD_PURCHASE_ORDER).taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                        .orderByDueDate().asc(),
                List.of(Groups.SALES_REP, Groups.BILLING), CARD);
    }

    @Bean
    TaskFilter invoicesToSendFilter(TaskService tasks) {
        return new TaskFilter("Invoices to send", "Generated invoices waiting to be sent to the facility", -9,
                caseTasks(tasks, TASK_SEND_INVOICE).taskCandidateGroup(Groups.BILLING).includeAssignedTasks()
                        .orderByDueDate().asc(),
                List.of(Groups.BILLING), CARD);
    }

    @Bean
    TaskFilter paymentsToRecordFilter(TaskService tasks) {
        return new TaskFilter("Payments to record", "Sent invoices waiting for the facility's payment, and reps' commissions to mark paid", -8,
                caseTasks(tasks, TASK_MARK_INVOICE_PAID, TASK_MARK_COMMISSION_PAID).taskCandidateGroup(Groups.BILLING).includeAssignedTasks()
                        .orderByDueDate().asc(),
                List.of(Groups.BILLING), CARD);
    }

    /** A rep's own cases: the engine gives a rep candidacy only on tasks of their own cases. */
    @Bean
    TaskFilter myCasesFilter(TaskService tasks) {
        return new TaskFilter("My cases", "Every open step of the surgical cases you submitted", -11,
                tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskCandidateUserExpression("${currentUser()}")
                        .includeAssignedTasks().orderByDueDate().asc(),
                List.of(Groups.SALES_REP), CARD);
    }

    private static TaskQuery caseTasks(TaskService tasks, String... taskKeys) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskDefinitionKeyIn(taskKeys);
    }

    private static Map<String, String> cardVariables() {
        Map<String, String> card = new LinkedHashMap<>();
        card.put(VAR_CASE_NUMBER, "Case");
        card.put(VAR_CARD_FACILITY, "Facility");
        card.put(VAR_CARD_VALUE, "Value");
        card.put(VAR_CARD_EVENT_DATE, "Event date");
        card.put(VAR_INVOICE_NUMBER, "Invoice");
        return card;
    }
}
