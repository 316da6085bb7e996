package com.billflow.surgicalcase.process;

import com.billflow.security.Groups;
import com.billflow.security.IdentitySetup.TaskFilter;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/** The Tasklist filters of surgical case billing. */
@Configuration(proxyBeanMethods = false)
class SurgicalCaseFilters {

    @Bean
    TaskFilter pendingPurchaseOrdersFilter(TaskService tasks) {
        return new TaskFilter("Pending PO#'s", "Surgical cases waiting for the hospital's purchase order", -10,
                tasks.createTaskQuery().processDefinitionKey(SurgicalCaseBillingProcess.PROCESS_KEY)
                        .taskDefinitionKey(SurgicalCaseBillingProcess.TASK_ADD_PURCHASE_ORDER)
                        .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                        .orderByTaskCreateTime().asc(),
                List.of(Groups.SALES_REP, Groups.BILLING), Map.of("caseNumber", "Case", "invoiceNumber", "Invoice"));
    }

    @Bean
    TaskFilter invoicesToSendFilter(TaskService tasks) {
        return new TaskFilter("Invoices to send", "Generated invoices waiting to be sent to the facility", -9,
                tasks.createTaskQuery().processDefinitionKey(SurgicalCaseBillingProcess.PROCESS_KEY)
                        .taskDefinitionKey(SurgicalCaseBillingProcess.TASK_SEND_INVOICE)
                        .taskCandidateGroup(Groups.BILLING).includeAssignedTasks()
                        .orderByTaskCreateTime().asc(),
                List.of(Groups.BILLING), Map.of("caseNumber", "Case", "invoiceNumber", "Invoice"));
    }
}
