package com.billflow.invoice;

import com.billflow.common.ConsolePage;
import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.document.StoredDocument;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.payment.PaymentInput;
import com.billflow.security.Caller;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Console's laboratory invoice screens (SPEC §8) for office managers and administrators: the list
 * with its filters and "Merge", "New invoice"/"New proposal", and the detail with the line editor,
 * documents, history and the actions the status allows. Every change calls the same service as the
 * REST API ({@link InvoiceController}): each action completes the invoice's Tasklist task through
 * {@link InvoiceTasks}, and a refusal is shown with the service's own words (POST/redirect/GET). An
 * office manager sees only their laboratories' invoices ({@link InvoiceAccess}): another's is 404.
 */
@Controller
@ConsolePage
@RequestMapping("/console/invoices")
@PreAuthorize("hasAnyAuthority('office-manager', 'camunda-admin')")
class InvoiceConsoleController {

    private final InvoiceService invoices;
    private final InvoiceTasks tasks;
    private final InvoiceDocumentService documents;
    private final InvoiceAccess access;
    private final InvoiceListQuery list;
    private final InvoiceConsoleView view;
    private final WipSchedule wipSchedule;
    private final Validator validator;
    private final MessageSource messages;

    InvoiceConsoleController(InvoiceService invoices, InvoiceTasks tasks, InvoiceDocumentService documents, InvoiceAccess access,
                             InvoiceListQuery list, InvoiceConsoleView view, WipSchedule wipSchedule, Validator validator,
                             MessageSource messages) {
        this.invoices = invoices;
        this.tasks = tasks;
        this.documents = documents;
        this.access = access;
        this.list = list;
        this.view = view;
        this.wipSchedule = wipSchedule;
        this.validator = validator;
        this.messages = messages;
    }

    /** The list, newest first; {@code after} is the key of the last row of the page before ({@link InvoiceListQuery.Key}). */
    @GetMapping
    String list(@RequestParam(required = false) String laboratory, @RequestParam(required = false) String client,
                @RequestParam(required = false) InvoiceType type, @RequestParam(required = false) InvoiceStatus status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String after, Authentication user, Model model) {
        InvoiceListQuery.Filter filter = new InvoiceListQuery.Filter(access.scopeOf(Caller.from(user)).filter(), blankToNull(laboratory),
                blankToNull(client), type, status, from, to, InvoiceListQuery.Key.parse(after));
        model.addAttribute("filter", filter);
        model.addAttribute("result", list.find(filter));
        view.fillList(Caller.from(user), model);
        return "invoice/invoiceList";
    }

    /** "Merge": the ticked INITIAL invoices become one draft (the oldest of them); the service's refusal is shown on the list. */
    @PostMapping("/merge")
    String merge(@RequestParam(name = "invoiceId", required = false) List<Long> ids, Authentication user, RedirectAttributes redirect) {
        try {
            // The oldest ticked becomes the draft that holds every line (the service merges into the first id).
            List<Long> chosen = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).sorted().toList();
            chosen.forEach(id -> access.visible(id, Caller.from(user)));
            Invoice merged = invoices.merge(chosen, user.getName());
            redirect.addFlashAttribute("message", chosen.size() + " invoices merged into " + view.title(merged) + ".");
            return "redirect:/console/invoices/" + merged.getId();
        } catch (InvalidInputException | IllegalStatusException | NotFoundException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/console/invoices";
        }
    }

    /** Asks for (or stops) WIP documents of all the laboratory's INITIAL invoices on LaboratoryWipScheduleProcess's timer. */
    @PostMapping("/wip-schedule")
    String wipSchedule(@RequestParam(required = false) String laboratory, @RequestParam(defaultValue = "false") boolean wanted,
                       Authentication user, RedirectAttributes redirect) {
        try {
            access.requireLaboratory(laboratory, Caller.from(user));
            wipSchedule.request(laboratory, wanted, user.getName());
            redirect.addFlashAttribute("message", wanted ? "WIP documents scheduled: each INITIAL invoice gets one at every month end."
                    : "Scheduled WIP documents stopped.");
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/console/invoices";
    }

    /** "New invoice" or ({@code type=PROPOSAL}) "New proposal" for a job. */
    @GetMapping("/new")
    String newInvoice(@RequestParam(defaultValue = "PRODUCTION") InvoiceType type, Authentication user, Model model) {
        return form(new CreateInvoiceRequest(null, null, null, null, type), Caller.from(user), model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") CreateInvoiceRequest form, BindingResult binding, Authentication user, Model model,
                  RedirectAttributes redirect) {
        Caller caller = Caller.from(user);
        try {
            refuseInvalid(binding, form);
            access.requireLaboratory(form.laboratoryCode(), caller);
            Invoice created = invoices.create(form, caller.userId());
            redirect.addFlashAttribute("message", view.title(created) + " created: add its lines.");
            return "redirect:/console/invoices/" + created.getId();
        } catch (InvalidInputException refused) {
            model.addAttribute("error", refused.getMessage());
            return form(form, caller, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable Long id, @RequestParam(required = false) Long document, Authentication user, Model model) {
        view.fillDetail(access.visible(id, Caller.from(user)), document, model);
        return "invoice/invoiceDetail";
    }

    /** Adds a line (kind, description, quantity and unit price, or percent); in DRAFT the invoice becomes EDITED. */
    @PostMapping("/{id}/lines")
    String addLine(@PathVariable Long id, @ModelAttribute("line") LineRequest line, BindingResult binding, Authentication user,
                   RedirectAttributes redirect) {
        return act(id, user, redirect, "Line added.", () -> invoices.addLine(id, refuseInvalid(binding, line), user.getName()));
    }

    @PostMapping("/{id}/lines/{lineId}")
    String changeLine(@PathVariable Long id, @PathVariable Long lineId, @ModelAttribute("line") LineRequest line, BindingResult binding,
                      Authentication user, RedirectAttributes redirect) {
        return act(id, user, redirect, "Line changed.", () -> invoices.changeLine(id, lineId, refuseInvalid(binding, line), user.getName()));
    }

    @PostMapping("/{id}/lines/{lineId}/remove")
    String removeLine(@PathVariable Long id, @PathVariable Long lineId, Authentication user, RedirectAttributes redirect) {
        return act(id, user, redirect, "Line removed.", () -> invoices.removeLine(id, lineId, user.getName()));
    }

    /**
     * One of the invoice's {@code allowedActions}: completes its Tasklist task as the API's
     * {@code POST /api/invoices/{id}/{action}} does. {@code reason} for cancel and reject; the payment's
     * fields for pay. {@code credit} shows the new credit note.
     */
    @PostMapping("/{id}/actions/{action}")
    String perform(@PathVariable Long id, @PathVariable String action, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paymentDate,
                   @RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String reference,
                   Authentication user, RedirectAttributes redirect) {
        access.visible(id, Caller.from(user));
        try {
            InvoiceAction chosen = InvoiceAction.fromPath(action);
            Invoice after = tasks.perform(id, chosen, blankToNull(reason), new PaymentInput(paymentDate, amount, blankToNull(reference), null),
                    Caller.from(user));
            redirect.addFlashAttribute("message", view.done(chosen, after));
            return "redirect:/console/invoices/" + after.getId();
        } catch (InvalidInputException | IllegalStatusException | AuthorizationException | AccessDeniedException refused) {
            redirect.addFlashAttribute("error", refusal(refused));
            return "redirect:/console/invoices/" + id;
        }
    }

    /** "Make estimate" / "Make WIP document" while INITIAL; the new document is previewed. */
    @PostMapping("/{id}/documents/{kind}")
    String preliminary(@PathVariable Long id, @PathVariable String kind, Authentication user, RedirectAttributes redirect) {
        access.visible(id, Caller.from(user));
        try {
            StoredDocument made = documents.preliminary(id, InvoiceDocumentService.preliminaryKindOf(kind));
            redirect.addFlashAttribute("message", view.kindName(made.getKind()) + " made: " + made.getFileName());
            return "redirect:/console/invoices/" + id + "?document=" + made.getId() + "#documents";
        } catch (InvalidInputException | IllegalStatusException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/console/invoices/" + id;
        }
    }

    /** A document's PDF, in the page's preview frame or ({@code download}) as a file. */
    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable Long id, @PathVariable Long documentId, @RequestParam(defaultValue = "false") boolean download,
                                    Authentication user) {
        access.visible(id, Caller.from(user));
        StoredDocument pdf = documents.get(id, documentId);
        ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline()).filename(pdf.getFileName()).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-SHA256", pdf.getSha256())
                .body(pdf.getContent());
    }

    private String form(CreateInvoiceRequest form, Caller caller, Model model) {
        model.addAttribute("form", form);
        view.fillList(caller, model);
        return "invoice/invoiceForm";
    }

    /** Changes lines after checking the invoice is the caller's; a refusal goes back to the page as its message. */
    private String act(Long id, Authentication user, RedirectAttributes redirect, String done, Supplier<Invoice> change) {
        access.visible(id, Caller.from(user));
        try {
            change.get();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException | IllegalStatusException | NotFoundException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/console/invoices/" + id + "#lines";
    }

    /** The form's values as the API would take them, or the same refusal the API gives (400), field by field. */
    private <T> T refuseInvalid(BindingResult binding, T request) {
        String problems = Stream.concat(
                        binding.getFieldErrors().stream().map(e -> e.getField() + " " + messages.getMessage(e, Locale.ENGLISH)),
                        binding.hasFieldErrors() ? Stream.empty()
                                : validator.validate(request).stream().map(v -> v.getPropertyPath() + " " + v.getMessage()))
                .sorted().collect(Collectors.joining("; "));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return request;
    }

    private static String refusal(RuntimeException refused) {
        return refused instanceof AuthorizationException
                ? "Your groups do not allow this: the task belongs to other users or groups" : refused.getMessage();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
