package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.PoReminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendPoReminderDelegate")
class SendPoReminderDelegate implements JavaDelegate {

    private final PoReminders reminders;

    SendPoReminderDelegate(PoReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.send(ProcessVariables.caseId(execution));
    }
}
