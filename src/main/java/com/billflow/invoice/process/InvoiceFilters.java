package com.billflow.invoice.process;

import com.billflow.security.Groups;
import com.billflow.security.IdentitySetup.TaskFilter;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.TASK_AUTHORISE_INVOICE;
import static com.billflow.invoice.process.ProductionInvoiceProcess.TASK_TRANSMIT_INVOICE;

/** The Tasklist filters of the laboratory office managers; the engine's tenant check narrows each to the user's laboratories. */
@Configuration(proxyBeanMethods = false)
class InvoiceFilters {

    @Bean
    TaskFilter invoicesToAuthoriseFilter(TaskService tasks) {
        return new TaskFilter("Invoices to authorise", "Released invoices and credit notes waiting for an office manager", -8,
                tasks.createTaskQuery().taskDefinitionKey(TASK_AUTHORISE_INVOICE).taskCandidateGroup(Groups.OFFICE_MANAGER)
                        .includeAssignedTasks().orderByTaskCreateTime().asc(),
                List.of(Groups.OFFICE_MANAGER), Map.of("invoiceId", "Invoice id", "laboratoryCode", "Laboratory"));
    }

    @Bean
    TaskFilter invoicesToTransmitFilter(TaskService tasks) {
        return new TaskFilter("Invoices to transmit", "Authorised invoices and credit notes waiting to go to the client", -7,
                tasks.createTaskQuery().taskDefinitionKey(TASK_TRANSMIT_INVOICE).taskCandidateGroup(Groups.OFFICE_MANAGER)
                        .includeAssignedTasks().orderByTaskCreateTime().asc(),
                List.of(Groups.OFFICE_MANAGER), Map.of("invoiceId", "Invoice id", "laboratoryCode", "Laboratory"));
    }
}
