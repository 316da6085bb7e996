package com.billflow.surgicalcase.process;

import com.billflow.security.Groups;
import com.billflow.security.IdentitySetup.GroupGrant;
import com.billflow.security.IdentitySetup.GroupGrants;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Billing works on every case, so it reads every case instance and its history through the process
 * definition. Reps get nothing on the definition: {@link CaseAuthorizations} grants each rep the
 * instances of their own cases when they are submitted. Completing a task still needs being its candidate.
 * Reps and billing may start {@link SurgicalCaseSubmission} (Tasklist's "Submit surgical case"), which
 * starts the billing process itself; the billing process cannot be started by a user.
 */
@Configuration(proxyBeanMethods = false)
class SurgicalCaseGrants {

    @Bean
    GroupGrants surgicalCaseProcessGrants() {
        return new GroupGrants(List.of(
                new GroupGrant(Groups.BILLING, Resources.PROCESS_DEFINITION, SurgicalCaseBillingProcess.PROCESS_KEY, ProcessDefinitionPermissions.READ_INSTANCE),
                new GroupGrant(Groups.BILLING, Resources.PROCESS_DEFINITION, SurgicalCaseBillingProcess.PROCESS_KEY, ProcessDefinitionPermissions.READ_HISTORY),
                // Tasklist's "Start process" lists only what the user may start: "Submit surgical case", nothing else
                new GroupGrant(Groups.SALES_REP, Resources.PROCESS_DEFINITION, SurgicalCaseSubmission.PROCESS_KEY, ProcessDefinitionPermissions.CREATE_INSTANCE),
                new GroupGrant(Groups.BILLING, Resources.PROCESS_DEFINITION, SurgicalCaseSubmission.PROCESS_KEY, ProcessDefinitionPermissions.CREATE_INSTANCE),
                new GroupGrant(Groups.SALES_REP, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE),
                new GroupGrant(Groups.BILLING, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE)));
    }
}
