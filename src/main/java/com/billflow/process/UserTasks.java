package com.billflow.process;

import com.billflow.security.Caller;
import com.billflow.common.IllegalStatusException;
import com.billflow.security.LaboratoryTenants;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * Completes user tasks for REST callers exactly as Tasklist would for the same user: the engine
 * checks the caller's task authorization (candidate users and groups) and tenants (laboratories), and the history records
 * the caller as the one who completed the task.
 */
@Component
public class UserTasks {

    private final TaskService tasks;
    private final IdentityService identity;
    private final LaboratoryTenants tenants;
    private final TransactionTemplate ownTransaction;
    private final String openTaskSql;

    UserTasks(TaskService tasks, IdentityService identity, LaboratoryTenants tenants, PlatformTransactionManager transactionManager,
              ManagementService management) {
        this.tasks = tasks;
        this.openTaskSql = "SELECT T.* FROM " + management.getTableName(Task.class) + " T"
                + " JOIN " + management.getTableName(Execution.class) + " I ON I.ID_ = T.PROC_INST_ID_"
                + " JOIN " + management.getTableName(ProcessDefinition.class) + " D ON D.ID_ = T.PROC_DEF_ID_"
                + " WHERE I.BUSINESS_KEY_ = #{businessKey} AND D.KEY_ = #{processDefinitionKey}"
                + " AND T.TASK_DEF_KEY_ = #{taskDefinitionKey}";
        this.identity = identity;
        this.tenants = tenants;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setReadOnly(true);
    }

    /**
     * The open task {@code taskDefinitionKey} (a BPMN user task id) of the running instance of {@code processDefinitionKey}
     * whose business key is {@code businessKey}; empty when there is none. Read without the caller's authorizations:
     * {@link #complete} checks them.
     * <p>
     * A native query (public API, table names from the engine) rather than a {@code TaskQuery}: every task action of a
     * case looks its task up this way, and building the task query's SQL (MyBatis evaluating some hundred conditions
     * of its mapper by reflection) cost seven times the query itself: 4 % of the app's CPU over the lifecycle.
     *
     * @throws org.camunda.bpm.engine.ProcessEngineException when more than one task matches (a model error)
     */
    public Optional<Task> open(String processDefinitionKey, String businessKey, String taskDefinitionKey) {
        return Optional.ofNullable(tasks.createNativeTaskQuery().sql(openTaskSql)
                .parameter("processDefinitionKey", processDefinitionKey)
                .parameter("businessKey", businessKey)
                .parameter("taskDefinitionKey", taskDefinitionKey)
                .singleResult());
    }

    public Map<String, Object> variables(Task task) {
        return tasks.getVariables(task.getId());
    }

    /**
     * Completes {@code task} as {@code caller}. When someone else completed it a moment earlier, the
     * engine answers "not found" (or an authorization error, since the caller's rights on the task
     * went with it): that is the caller losing a race, a 409, not a missing right or a fault.
     *
     * @throws IllegalStatusException when the task is no longer open
     */
    public void complete(Task task, Map<String, Object> variables, Caller caller) {
        // With the caller's tenants, as Tasklist and /engine-rest sign users in: the engine's tenant check applies too.
        identity.setAuthentication(caller.userId(), caller.groups(), tenants.tenantIdsOf(caller.userId()));
        try {
            tasks.complete(task.getId(), variables);
        } catch (OptimisticLockingException e) {
            throw new IllegalStatusException("'" + task.getName() + "' was changed by someone else at the same moment: reload to see where it stands");
        } catch (RuntimeException e) {
            // Not found, no right on it any more, or (seen under load) an engine NullPointerException: whatever the
            // engine throws while another user completes the same task, a task that is gone means a lost race.
            if (stillOpen(task)) {
                throw e;
            }
            throw new IllegalStatusException("'" + task.getName() + "' was completed by someone else just now: reload to see where it stands");
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Asked in a transaction of its own: the caller's may be unusable after the failed completion (PostgreSQL aborts it). */
    private boolean stillOpen(Task task) {
        identity.clearAuthentication();
        return Boolean.TRUE.equals(ownTransaction.execute(status -> tasks.createTaskQuery().taskId(task.getId()).count() > 0));
    }
}
