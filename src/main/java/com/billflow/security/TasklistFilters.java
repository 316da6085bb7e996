package com.billflow.security;

import com.billflow.security.IdentitySetup.TaskFilter;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/** The Tasklist filter every business user has; features add their own filters as {@link TaskFilter} beans. */
@Configuration(proxyBeanMethods = false)
class TasklistFilters {

    @Bean
    TaskFilter myTasksFilter(TaskService tasks) {
        return new TaskFilter("My tasks", "Every task you may work on", 0,
                tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                        .orderByTaskCreateTime().asc(),
                List.of(Groups.SALES_REP, Groups.BILLING, Groups.OFFICE_MANAGER), Map.of("caseNumber", "Case", "invoiceId", "Invoice id", "laboratoryCode", "Laboratory"));
    }
}
