package com.billflow.surgicalcase;

import com.billflow.common.ConsolePage;
import com.billflow.BillflowProperties;
import com.billflow.common.InvalidInputException;
import com.billflow.directory.Facility;
import com.billflow.directory.FacilityService;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.security.UserNames;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Console's case list ("My cases" for a rep) and "New case" (SPEC §8). Calls the same service
 * as {@link SurgicalCaseController}; the rules and their messages are the service's and the API
 * request's constraints. Event Detail is {@link EventDetailController}.
 */
@Controller
@ConsolePage
@RequestMapping("/console/cases")
@PreAuthorize("hasAnyAuthority('sales-rep', 'billing', 'camunda-admin')")
class CaseConsoleController {

    /** The rule as the API's constraint words it, so the hint and the refusal say the same. */
    static final String PATIENT_REF_RULE = "The patient reference " + patientRefConstraint().message() + ".";

    private final SurgicalCaseService cases;
    private final CaseListQuery caseList;
    private final FacilityService facilities;
    private final UserNames userNames;
    private final Validator validator;
    private final BillflowProperties properties;
    private final Clock clock;

    CaseConsoleController(SurgicalCaseService cases, CaseListQuery caseList, FacilityService facilities, UserNames userNames,
                          Validator validator, BillflowProperties properties, Clock clock) {
        this.cases = cases;
        this.caseList = caseList;
        this.facilities = facilities;
        this.userNames = userNames;
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    @InitBinder("form")
    void limitLines(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(SubmitCaseRequest.MAX_LINES);
    }

    /** A rep sees only their own cases, whatever the rep filter says. */
    @GetMapping
    String list(@RequestParam(required = false) SurgicalCaseStatus status, @RequestParam(required = false) String facility,
                @RequestParam(required = false) String rep,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) CaseListQuery.Awaiting awaiting,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate invoicedFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate invoicedTo,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before, Authentication user, Model model) {
        Caller caller = Caller.from(user);
        boolean backOffice = caller.isIn(Groups.BILLING, Groups.ADMIN);
        CaseListQuery.Filter filter = new CaseListQuery.Filter(status, blankToNull(facility),
                backOffice ? blankToNull(rep) : caller.userId(), from, to, awaiting, invoicedFrom, invoicedTo, page,
                CaseListQuery.Key.parse(after), CaseListQuery.Key.parse(before));
        model.addAttribute("filter", filter);
        CaseListQuery.Page result = caseList.find(filter);
        model.addAttribute("result", result);
        // the Rep column names a page's reps with one identity query, not one per row
        model.addAttribute("repNames", backOffice ? userNames.namesOf(result.rows().stream().map(CaseListQuery.Row::rep).toList()) : Map.of());
        model.addAttribute("statuses", SurgicalCaseStatus.values());
        model.addAttribute("awaitings", CaseListQuery.Awaiting.values());
        model.addAttribute("facilities", sortedFacilities());
        model.addAttribute("reps", backOffice ? userNames.membersOf(Groups.SALES_REP) : List.of());
        return "surgicalcase/caseList";
    }

    @GetMapping("/new")
    String newCase(Model model) {
        return form(CaseForm.blank(LocalDate.now(clock), properties.defaultCurrency()), model);
    }

    /** Submits the case; on success shows its number on its Event Detail (POST/redirect/GET). */
    @PostMapping("/new")
    String submit(@ModelAttribute("form") CaseForm form, BindingResult binding, Authentication user, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(form, model);
        }
        SubmitCaseRequest request = form.toRequest(cases.facilityCodeOf(form.getFacility()));
        for (ConstraintViolation<SubmitCaseRequest> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            binding.rejectValue(path.equals("facilityCode") ? "facility" : path, "invalid", violation.getMessage());
        }
        if (binding.hasErrors()) {
            return form(form, model);
        }
        try {
            SurgicalCase created = cases.submit(request, Caller.from(user));
            redirect.addFlashAttribute("message", "Case " + created.getCaseNumber() + " submitted: it waits for its PO.");
            return "redirect:/console/cases/" + created.getId();
        } catch (InvalidInputException | AccessDeniedException refused) {
            binding.reject("refused", refused.getMessage());
            return form(form, model);
        }
    }

    /** htmx: the device lines again, with a line added or removed, or filled from a UDI barcode. */
    @PostMapping("/new/lines")
    String lines(@ModelAttribute("form") CaseForm form, BindingResult binding, @RequestParam String action, Model model) {
        if (action.equals("add") && form.getLines().size() < SubmitCaseRequest.MAX_LINES) {
            form.addLine();
        } else if (action.startsWith("remove:")) {
            int index = lineIndex(action, form);
            form.getLines().remove(index);
            if (form.getLines().isEmpty()) {
                form.addLine();
            }
        } else if (action.startsWith("udi:")) {
            CaseForm.Line line = form.getLines().get(lineIndex(action, form));
            try {
                UdiBarcode.Udi udi = UdiBarcode.parse(line.getUdi());
                line.fillFrom(udi);
                line.setUdi(null);
                line.setUdiNote("From the barcode: GTIN " + udi.gtin() + (udi.expiry() == null ? "" : ", expires " + udi.expiry()));
            } catch (InvalidInputException e) {
                line.setUdiNote(e.getMessage());
            }
        }
        model.addAttribute("form", form);
        return "surgicalcase/caseForm :: lines";
    }

    /** htmx: the running total of the lines entered so far. */
    @PostMapping("/new/total")
    String total(@ModelAttribute("form") CaseForm form, BindingResult binding, Model model) {
        model.addAttribute("form", form);
        return "surgicalcase/caseForm :: total";
    }

    private String form(CaseForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("facilities", sortedFacilities());
        model.addAttribute("currencies", Currency.getAvailableCurrencies().stream()
                .filter(c -> com.billflow.money.Currencies.inCirculation(c.getCurrencyCode()).isPresent())
                .sorted(Comparator.comparing(Currency::getCurrencyCode)).toList());
        model.addAttribute("reps", userNames.membersOf(Groups.SALES_REP));
        model.addAttribute("patientRefRule", PATIENT_REF_RULE);
        return "surgicalcase/caseForm";
    }

    private List<Facility> sortedFacilities() {
        return facilities.all().stream().sorted(Comparator.comparing(f -> f.getName().toLowerCase(Locale.ROOT))).toList();
    }

    private static int lineIndex(String action, CaseForm form) {
        try {
            int index = Integer.parseInt(action.substring(action.indexOf(':') + 1));
            if (index >= 0 && index < form.getLines().size()) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new InvalidInputException("No such line: " + action);
    }

    private static jakarta.validation.constraints.Pattern patientRefConstraint() {
        try {
            return SubmitCaseRequest.class.getDeclaredField("patientRef").getAnnotation(jakarta.validation.constraints.Pattern.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("SubmitCaseRequest has no patientRef", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
