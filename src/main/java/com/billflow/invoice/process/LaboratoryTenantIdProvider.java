package com.billflow.invoice.process;

import com.billflow.security.LaboratoryTenants;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Gives every instance of the shared (tenant-less) invoice, credit note and proposal definitions
 * the tenant of its laboratory, from the start variable {@code laboratoryCode}; its tasks, jobs,
 * variables and history inherit it, and the engine's tenant check then shows them only to that
 * laboratory's office managers (and administrators). Surgical case instances get no tenant and
 * stay as they were.
 * <p>
 * {@code TenantIdProvider} is the SPI the Camunda user guide documents for shared definitions
 * ("Multi-Tenancy", "Tenant-id provider"); it lives in an {@code impl.cfg} package, so this file
 * is the one exception ArchitectureTest allows.
 */
@Component
class LaboratoryTenantIdProvider extends SpringBootProcessEnginePlugin implements TenantIdProvider {

    static final Set<String> LABORATORY_PROCESSES = Set.of(
            ProductionInvoiceProcess.PROCESS_KEY, CreditNoteProcess.PROCESS_KEY, ProposalInvoiceProcess.PROCESS_KEY);

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setTenantIdProvider(this);
    }

    /** @throws IllegalStateException for a laboratory process started without its laboratory: it must never run tenant-less */
    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (!LABORATORY_PROCESSES.contains(context.getProcessDefinition().getKey())) {
            return null;
        }
        Object laboratoryCode = context.getVariables().get(ProductionInvoiceProcess.VAR_LABORATORY_CODE);
        if (laboratoryCode == null) {
            throw new IllegalStateException(context.getProcessDefinition().getKey() + " started without the variable '"
                    + ProductionInvoiceProcess.VAR_LABORATORY_CODE + "': its instance would belong to every laboratory");
        }
        return LaboratoryTenants.tenantIdOf(laboratoryCode.toString());
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    /** A decision evaluated inside an instance belongs to the instance's tenant. */
    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }
}
