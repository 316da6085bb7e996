package com.billflow.surgicalcase.process;

import com.billflow.security.Grants;
import com.billflow.security.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.PROCESS_KEY;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.VAR_REP;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * A rep sees the engine's data of their own cases only: on submission the rep gets READ on the case's
 * process instance (runtime instance, its variables, tasks' process variables, incidents) and READ on
 * its historic process instance (history of the instance, its variables, details and activities;
 * engine property {@code enableHistoricInstancePermissions}). Candidates additionally get
 * HISTORIC_TASK READ on their tasks from the engine itself.
 *
 * <p>On start it also removes what earlier versions granted (READ_INSTANCE on the whole case
 * definition for {@code sales-rep}) and grants the reps of cases submitted before their instances.
 */
@Component
@Order(15)
class CaseAuthorizations implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CaseAuthorizations.class);
    private static final int PAGE = 500;

    private final AuthorizationService authorizations;
    private final HistoryService history;

    CaseAuthorizations(AuthorizationService authorizations, HistoryService history) {
        this.authorizations = authorizations;
        this.history = history;
    }

    /** Lets {@code rep} read the case's process instance and its history; called as the engine's system user. */
    void grantToRep(String processInstanceId, String rep) {
        grant(rep, Resources.PROCESS_INSTANCE, processInstanceId, ProcessInstancePermissions.READ);
        grant(rep, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }

    @Override
    public void run(ApplicationArguments args) {
        Authorization wholeDefinition = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(Groups.SALES_REP).resourceType(Resources.PROCESS_DEFINITION).resourceId(PROCESS_KEY).singleResult();
        if (wholeDefinition == null || !wholeDefinition.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)) {
            return;
        }
        // A database of an earlier version, once: grant each rep their cases' instances, then revoke the whole definition.
        int granted = 0;
        for (int first = 0; ; first += PAGE) {
            var reps = history.createHistoricVariableInstanceQuery().processDefinitionKey(PROCESS_KEY).variableName(VAR_REP)
                    .orderByProcessInstanceId().asc().listPage(first, PAGE);
            for (HistoricVariableInstance rep : reps) {
                if (rep.getValue() instanceof String userId && !userId.isBlank()) {
                    grantToRep(rep.getProcessInstanceId(), userId);
                    granted++;
                }
            }
            if (reps.size() < PAGE) {
                break;
            }
        }
        wholeDefinition.removePermission(ProcessDefinitionPermissions.READ_INSTANCE);
        authorizations.saveAuthorization(wholeDefinition);
        LOG.info("Granted {} earlier cases to their reps and removed sales-rep's READ_INSTANCE on every {} instance", granted, PROCESS_KEY);
    }

    private void grant(String userId, Resource resource, String resourceId, Permission permission) {
        Grants.toUser(authorizations, userId, resource, resourceId, permission);
    }
}
