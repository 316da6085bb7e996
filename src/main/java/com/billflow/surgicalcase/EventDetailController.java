package com.billflow.surgicalcase;

import com.billflow.common.ConsolePage;
import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.document.StoredDocument;
import com.billflow.money.MoneyFormat;
import com.billflow.security.Caller;
import com.billflow.surgicalcase.process.CaseTimeline;
import com.billflow.surgicalcase.process.SurgicalCaseTasks;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Console's Event Detail screen (SPEC §8) and its buttons. Each button completes the same
 * Camunda task as Tasklist through {@link SurgicalCaseTasks}, as the REST API does, and then
 * redirects back (POST/redirect/GET) with the service's message when it refused. A sales rep
 * sees only their own cases (another rep's is not found) and only "Add Purchase Order".
 */
@Controller
@ConsolePage
@RequestMapping("/console/cases/{id}")
@PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
class EventDetailController {

    private static final String CASE_WORKERS = "hasAnyAuthority('billing', 'camunda-admin')";

    private final SurgicalCaseService cases;
    private final SurgicalCaseTasks tasks;
    private final SurgicalCaseInvoicing invoicing;
    private final CaseTimeline timeline;
    private final EventDetailView view;
    private final MoneyFormat money;

    EventDetailController(SurgicalCaseService cases, SurgicalCaseTasks tasks, SurgicalCaseInvoicing invoicing,
                          CaseTimeline timeline, EventDetailView view, MoneyFormat money) {
        this.money = money;
        this.cases = cases;
        this.tasks = tasks;
        this.invoicing = invoicing;
        this.timeline = timeline;
        this.view = view;
    }

    @GetMapping
    String detail(@PathVariable Long id, Authentication user, Model model) {
        SurgicalCase surgicalCase = visible(id, user);
        view.fill(surgicalCase, model);
        return "surgicalcase/eventDetail";
    }

    /**
     * Add Purchase Order: {@code allManufacturers}, or pairs of {@code manufacturer} and {@code po}
     * in the same order (read raw, so a comma in a manufacturer's name stays in it).
     */
    @PostMapping("/purchase-orders")
    String addPurchaseOrders(@PathVariable Long id, @RequestParam MultiValueMap<String, String> params, Authentication user,
                             RedirectAttributes redirect) {
        visible(id, user);
        List<String> manufacturers = params.getOrDefault("manufacturer", List.of());
        List<String> numbers = params.getOrDefault("po", List.of());
        Map<String, String> byManufacturer = new LinkedHashMap<>();
        for (int i = 0; i < manufacturers.size() && i < numbers.size(); i++) {
            byManufacturer.put(manufacturers.get(i), numbers.get(i));
        }
        return act(id, redirect, "Purchase order added: the invoice is being generated.",
                () -> tasks.addPurchaseOrders(id, params.getFirst("allManufacturers"), byManufacturer, Caller.from(user)));
    }

    /** "Email the invoice": every field as shown in the dialog; "All Emails" adds one contact or all of them. */
    @PostMapping("/email")
    @PreAuthorize(CASE_WORKERS)
    String email(@PathVariable Long id, @RequestParam(required = false) String to, @RequestParam(required = false) String contact,
                 @RequestParam(required = false) String replyTo, @RequestParam(required = false) String subject,
                 @RequestParam(required = false) String body, Authentication user, RedirectAttributes redirect) {
        boolean allContacts = EventDetailView.ALL_CONTACTS.equals(contact);
        String recipients = to == null ? "" : to.strip();
        if (!allContacts && contact != null && !contact.isBlank()) {
            recipients = recipients.isEmpty() ? contact : recipients + ", " + contact;
        }
        InvoiceEmail mail = new InvoiceEmail(recipients, allContacts, replyTo == null ? "" : replyTo, subject == null ? "" : subject,
                body == null ? "" : body);
        return act(id, redirect, "Invoice handed over for email: it is sent in a moment.",
                () -> tasks.emailInvoice(id, mail, Caller.from(user)));
    }

    /**
     * "Invoice Paid": completes Mark Invoice Paid with the payment posted next to the button
     * ({@code paymentDate}, {@code amount}, {@code reference}; blank: today, the open amount). A partial
     * payment leaves the case Pending Payment and the button comes back for the rest.
     */
    @PostMapping("/invoice-paid")
    @PreAuthorize(CASE_WORKERS)
    String invoicePaid(@PathVariable Long id, ConsolePayment payment, Authentication user, RedirectAttributes redirect) {
        return act(id, redirect, paid -> paid.isInvoicePaid() ? "Invoice paid in full."
                        : "Payment recorded: " + money.format(cases.openAmount(id)) + " still open.",
                () -> tasks.markInvoicePaid(id, payment.toInput(), Caller.from(user)));
    }

    /** "Commission Paid": completes Mark Commission Paid; {@code amount} is required, {@code period} optional. */
    @PostMapping("/commission-paid")
    @PreAuthorize(CASE_WORKERS)
    String commissionPaid(@PathVariable Long id, ConsolePayment payment, Authentication user, RedirectAttributes redirect) {
        return act(id, redirect, "Commission marked paid.", () -> tasks.markCommissionPaid(id, payment.toInput(), Caller.from(user)));
    }

    /** "Generate Invoice": runs a failed generation again. */
    @PostMapping("/generate-invoice")
    @PreAuthorize(CASE_WORKERS)
    String generateInvoice(@PathVariable Long id, RedirectAttributes redirect) {
        return act(id, redirect, "Invoice generation started again.", () -> {
            timeline.retryInvoice(cases.get(id));
            return cases.get(id);
        });
    }

    @PostMapping("/cancel")
    @PreAuthorize(CASE_WORKERS)
    String cancel(@PathVariable Long id, RedirectAttributes redirect) {
        return act(id, redirect, "Case cancelled.", () -> cases.cancel(id));
    }

    /** The invoice PDF, in the page's preview frame or ({@code download}) as a file. */
    @GetMapping("/invoice.pdf")
    @PreAuthorize(CASE_WORKERS)
    ResponseEntity<byte[]> invoicePdf(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean download) {
        StoredDocument pdf = invoicing.invoicePdf(id);
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(pdf.getFileName()).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(pdf.getContent());
    }

    private String act(Long id, RedirectAttributes redirect, String done, Supplier<SurgicalCase> action) {
        return act(id, redirect, done(done), action);
    }

    private String act(Long id, RedirectAttributes redirect, Function<SurgicalCase, String> done, Supplier<SurgicalCase> action) {
        try {
            redirect.addFlashAttribute("message", done.apply(action.get()));
        } catch (InvalidInputException | IllegalStatusException | AuthorizationException | AccessDeniedException refused) {
            redirect.addFlashAttribute("error", refused instanceof AuthorizationException
                    ? "Your groups do not allow this: the task belongs to other users or groups" : refused.getMessage());
        }
        return "redirect:/console/cases/" + id;
    }

    private static Function<SurgicalCase, String> done(String message) {
        return ignored -> message;
    }

    /** The case, or not found for a rep asking for another rep's case: its existence is not theirs to know. */
    private SurgicalCase visible(Long id, Authentication user) {
        try {
            return cases.getFor(id, Caller.from(user));
        } catch (AccessDeniedException otherRep) {
            throw NotFoundException.of("Surgical case", id);
        }
    }
}
