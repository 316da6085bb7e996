package com.billflow.surgicalcase.process;

import com.billflow.directory.FacilityService;
import com.billflow.money.MoneyFormat;
import com.billflow.surgicalcase.PoReminders;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/**
 * Create listener of every user task of a case: writes the Tasklist card lines (facility, value,
 * event date; the case number is a variable from the start) and sets the task's due date:
 * <ul>
 *   <li>Add Purchase Order: when the next PO reminder goes out ({@link PoReminders#nextReminderAt});
 *       {@link PoReminderDueDate} moves it on each week the PO is still missing;</li>
 *   <li>Send Invoice: the next day;</li>
 *   <li>Mark Invoice Paid: the invoice's due date (invoice date + the facility's payment terms);</li>
 *   <li>Mark Commission Paid: the end of the month after the invoice was sent (commission runs monthly).</li>
 * </ul>
 * The description is the task's {@code bpmn:documentation} in the model, so analysts edit it in the Modeler.
 */
@Component("caseTaskDetails")
class CaseTaskDetails implements TaskListener {

    private final SurgicalCaseService cases;
    private final FacilityService facilities;
    private final PoReminders reminders;
    private final MoneyFormat money;
    private final Clock clock;

    CaseTaskDetails(SurgicalCaseService cases, FacilityService facilities, PoReminders reminders, MoneyFormat money, Clock clock) {
        this.cases = cases;
        this.facilities = facilities;
        this.reminders = reminders;
        this.money = money;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        SurgicalCase surgicalCase = cases.get(ProcessVariables.caseId(task));
        var execution = task.getExecution();
        setIfChanged(execution, VAR_CARD_FACILITY, facilities.get(surgicalCase.getFacilityCode()).getName());
        setIfChanged(execution, VAR_CARD_VALUE, money.format(surgicalCase.total()));
        setIfChanged(execution, VAR_CARD_EVENT_DATE, surgicalCase.getProcedureDate().toString());
        task.setDueDate(Date.from(dueDate(task.getTaskDefinitionKey(), surgicalCase)));
    }

    /**
     * The card lines rarely change between a case's tasks: the engine writes a variable (and its history
     * detail) even when it is set to the value it has, so an unchanged line is left alone.
     */
    private static void setIfChanged(VariableScope scope, String name, String value) {
        if (!value.equals(scope.getVariable(name))) {
            scope.setVariable(name, value);
        }
    }

    private Instant dueDate(String taskKey, SurgicalCase surgicalCase) {
        Instant now = Instant.now(clock);
        ZoneId zone = clock.getZone();
        return switch (taskKey) {
            case TASK_ADD_PURCHASE_ORDER -> reminders.nextReminderAt(surgicalCase, now);
            case TASK_MARK_INVOICE_PAID -> endOf(surgicalCase.getDueDate() != null ? surgicalCase.getDueDate() : LocalDate.now(clock), zone);
            case TASK_MARK_COMMISSION_PAID -> endOf(LocalDate.now(clock).plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()), zone);
            default -> endOf(LocalDate.now(clock).plusDays(1), zone);
        };
    }

    /** The last moment of the day, so a task due today is not shown overdue in the morning. */
    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant();
    }
}
