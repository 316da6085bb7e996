package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.PoReminders;
import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_ADD_PURCHASE_ORDER;

/**
 * Start listener of the weekly "Every 7 days without PO" timer: Add Purchase Order is due when
 * the next reminder goes out, so each time the timer fires the task's due date moves a week on.
 */
@Component("poReminderDueDate")
class PoReminderDueDate implements ExecutionListener {

    private final TaskService tasks;
    private final SurgicalCaseService cases;
    private final PoReminders reminders;
    private final Clock clock;

    PoReminderDueDate(TaskService tasks, SurgicalCaseService cases, PoReminders reminders, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_ADD_PURCHASE_ORDER).singleResult();
        if (task != null) {
            task.setDueDate(Date.from(reminders.nextReminderAt(cases.get(ProcessVariables.caseId(execution)), Instant.now(clock))));
            tasks.saveTask(task);
        }
    }
}
