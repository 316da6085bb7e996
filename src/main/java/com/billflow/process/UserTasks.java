package com.billflow.process;

import com.billflow.security.Caller;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * Completes user tasks for REST callers exactly as Tasklist would for the same user: the engine
 * checks the caller's task authorization (candidate users and groups), and the history records
 * the caller as the one who completed the task.
 */
@Component
public class UserTasks {

    private final TaskService tasks;
    private final IdentityService identity;

    UserTasks(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    public Optional<Task> open(String processDefinitionKey, String businessKey, String taskDefinitionKey) {
        return Optional.ofNullable(tasks.createTaskQuery()
                .processDefinitionKey(processDefinitionKey)
                .processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult());
    }

    public Map<String, Object> variables(Task task) {
        return tasks.getVariables(task.getId());
    }

    public void complete(Task task, Map<String, Object> variables, Caller caller) {
        identity.setAuthentication(caller.userId(), caller.groups());
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
