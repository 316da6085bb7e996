package com.billflow.invoice.process;

import com.billflow.security.Groups;
import com.billflow.security.IdentitySetup.GroupGrant;
import com.billflow.security.IdentitySetup.GroupGrants;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.stream.Stream;

/**
 * Office managers (and the client systems that sign in as one) may read and move the invoice
 * process instances: that is what correlating "InvoiceBooked", "InvoiceRejected" and
 * "InvoicePaid" through /engine-rest/message needs; and read their history. Tasks stay limited to
 * their candidates. All of it only within their laboratories: the instances carry the laboratory's
 * tenant, and the engine's tenant check hides other tenants' instances, tasks, variables and history.
 */
@Configuration(proxyBeanMethods = false)
class InvoiceGrants {

    @Bean
    GroupGrants invoiceProcessGrants() {
        return new GroupGrants(Stream.of(ProductionInvoiceProcess.PROCESS_KEY, CreditNoteProcess.PROCESS_KEY, ProposalInvoiceProcess.PROCESS_KEY)
                .flatMap(key -> Stream.of(
                        new GroupGrant(Groups.OFFICE_MANAGER, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE),
                        new GroupGrant(Groups.OFFICE_MANAGER, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.UPDATE_INSTANCE),
                        new GroupGrant(Groups.OFFICE_MANAGER, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_HISTORY)))
                .toList());
    }
}
