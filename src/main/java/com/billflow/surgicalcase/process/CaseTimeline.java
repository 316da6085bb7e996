package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.PROCESS_KEY;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_EMAIL_INVOICE;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_GENERATE_INVOICE;

/**
 * A case's steps as its billing process recorded them (Camunda history): what happened, when, and
 * who did it: the user who completed a task (the user operation log, as Tasklist and the API both
 * write it), the submitting user for the start, {@code null} (the system) for automatic steps.
 * Also the state of invoice generation, an asynchronous step that may have failed.
 */
@Component
public class CaseTimeline {

    private static final Set<String> SHOWN = Set.of("startEvent", "userTask", "serviceTask", "sendTask", "boundaryTimer",
            "boundaryMessage", "intermediateTimer", "intermediateMessageCatch", "noneEndEvent", "messageEndEvent", "terminateEndEvent");

    /**
     * One step.
     *
     * @param at     when it ended, or null while it waits (an open task)
     * @param userId who did it; null for the system
     */
    public record Entry(String step, Instant at, String userId, boolean open) {
    }

    /** A failed invoice generation: the engine's message and the job that can be run again. */
    public record Failure(String message, String jobId) {
    }

    private final HistoryService history;
    private final RuntimeService runtime;
    private final ManagementService management;

    CaseTimeline(HistoryService history, RuntimeService runtime, ManagementService management) {
        this.history = history;
        this.runtime = runtime;
        this.management = management;
    }

    /** Oldest first; empty when the case has no process (history cleaned up). */
    @Transactional(readOnly = true)
    public List<Entry> of(SurgicalCase surgicalCase) {
        HistoricProcessInstance instance = instance(surgicalCase);
        if (instance == null) {
            return List.of();
        }
        Map<String, String> completedBy = new HashMap<>();
        history.createUserOperationLogQuery().processInstanceId(instance.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
                .forEach(entry -> completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId()));
        List<Entry> entries = new ArrayList<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
            if (!SHOWN.contains(activity.getActivityType()) || activity.getActivityName() == null) {
                continue;
            }
            String who = switch (activity.getActivityType()) {
                case "startEvent" -> instance.getStartUserId() != null ? instance.getStartUserId() : surgicalCase.getRep();
                case "userTask" -> completedBy.get(activity.getTaskId());
                default -> null;
            };
            Instant at = activity.getEndTime() == null ? null : activity.getEndTime().toInstant();
            entries.add(new Entry(activity.getActivityName(), at, who, at == null));
        }
        return entries;
    }

    /** The failure of Generate invoice, if its job ran out of retries. */
    @Transactional(readOnly = true)
    public Optional<Failure> invoiceFailure(SurgicalCase surgicalCase) {
        return failureOf(surgicalCase, TASK_GENERATE_INVOICE);
    }

    /** The failure of Email invoice (the SMTP server refused or was away through every retry), if any. */
    @Transactional(readOnly = true)
    public Optional<Failure> emailFailure(SurgicalCase surgicalCase) {
        return failureOf(surgicalCase, TASK_EMAIL_INVOICE);
    }

    /** "Send again": runs the failed e-mail step once more, now; the mail is never sent twice (see MailService). */
    public void retryEmail(SurgicalCase surgicalCase) {
        emailFailure(surgicalCase).ifPresent(failure -> management.setJobRetries(failure.jobId(), 1));
    }

    private Optional<Failure> failureOf(SurgicalCase surgicalCase, String activityId) {
        HistoricProcessInstance instance = instance(surgicalCase);
        if (instance == null || instance.getEndTime() != null) {
            return Optional.empty();
        }
        return runtime.createIncidentQuery().processInstanceId(instance.getId()).activityId(activityId).list().stream()
                .filter(incident -> Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()))
                .findFirst().map(incident -> new Failure(incident.getIncidentMessage(), incident.getConfiguration()));
    }

    /** "Generate Invoice": runs the failed generation again, as Cockpit's retry does (one more try, now). */
    public void retryInvoice(SurgicalCase surgicalCase) {
        invoiceFailure(surgicalCase).ifPresent(failure -> management.setJobRetries(failure.jobId(), 1));
    }

    private HistoricProcessInstance instance(SurgicalCase surgicalCase) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(surgicalCase.getCaseNumber())
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
    }
}
