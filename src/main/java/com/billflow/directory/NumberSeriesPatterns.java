package com.billflow.directory;

import com.billflow.BillflowProperties;
import com.billflow.common.InvalidInputException;
import com.billflow.numbering.AccountingNumberLimits;
import com.billflow.numbering.NumberPattern;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One number, one document (SPEC §5): no numbering pattern may give a number that another series
 * could give too ({@link NumberPattern#overlap}). The series are each laboratory's invoices,
 * credit notes and proposals, and the surgical case numbers and case invoices from configuration
 * ({@code billflow.surgical-case.*}). Checked when a laboratory is saved (400 naming the other
 * series and a number both would give) and at startup for the configured patterns against each
 * other and every laboratory (the application does not start). The database's registry of
 * numbers ({@code document_number}) is the last guard.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NumberSeriesPatterns implements ApplicationRunner {

    /** A series as a person would name it, and its pattern. */
    record Series(String name, NumberPattern pattern) {
    }

    private final LaboratoryRepository laboratories;
    private final BillflowProperties properties;

    NumberSeriesPatterns(LaboratoryRepository laboratories, BillflowProperties properties) {
        this.laboratories = laboratories;
        this.properties = properties;
    }

    /** The laboratory's three series, named by field. */
    static List<Series> of(String code, String invoicePattern, String creditNotePattern, String proposalPattern) {
        return List.of(new Series("invoiceNumberPattern of laboratory " + code, new NumberPattern(invoicePattern)),
                new Series("creditNoteNumberPattern of laboratory " + code, new NumberPattern(creditNotePattern)),
                new Series("proposalNumberPattern of laboratory " + code, new NumberPattern(proposalPattern)));
    }

    /** Refuses (400) when one of {@code own} overlaps another of them, another laboratory's series or a surgical case series. */
    @Transactional(readOnly = true)
    void check(String code, List<Series> own) {
        List<Series> others = new ArrayList<>(surgicalSeries());
        laboratories.findAllByOrderByCode().stream().filter(lab -> !lab.getCode().equals(code))
                .forEach(lab -> others.addAll(of(lab.getCode(), lab.getInvoiceNumberPattern(), lab.getCreditNoteNumberPattern(),
                        lab.getProposalNumberPattern())));
        for (int i = 0; i < own.size(); i++) {
            List<Series> against = new ArrayList<>(own.subList(0, i));
            against.addAll(others);
            Series series = own.get(i);
            for (Series other : against) {
                clash(series, other).ifPresent(message -> {
                    throw new InvalidInputException(message);
                });
            }
        }
    }

    /** At startup: the configured surgical case patterns fit the accounting targets and overlap neither each other nor any laboratory. */
    @Override
    @Transactional(readOnly = true)
    public void run(ApplicationArguments args) {
        List<Series> surgical = surgicalSeries();
        List<String> clashes = new ArrayList<>();
        try {
            AccountingNumberLimits.check(surgical.get(1).pattern());
        } catch (InvalidInputException tooLong) {
            clashes.add("billflow.surgical-case.invoice-number-pattern: " + tooLong.getMessage());
        }
        clash(surgical.get(1), surgical.get(0)).ifPresent(clashes::add);
        for (Laboratory lab : laboratories.findAllByOrderByCode()) {
            for (Series series : of(lab.getCode(), lab.getInvoiceNumberPattern(), lab.getCreditNoteNumberPattern(), lab.getProposalNumberPattern())) {
                surgical.forEach(configured -> clash(configured, series).ifPresent(clashes::add));
            }
        }
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("The surgical case numbering patterns in the configuration are refused: "
                    + String.join("; ", clashes));
        }
    }

    private List<Series> surgicalSeries() {
        BillflowProperties.SurgicalCase surgical = properties.surgicalCase();
        return List.of(new Series("the surgical case numbers (billflow.surgical-case.case-number-pattern)", new NumberPattern(surgical.caseNumberPattern())),
                new Series("the surgical case invoices (billflow.surgical-case.invoice-number-pattern)", new NumberPattern(surgical.invoiceNumberPattern())));
    }

    private static Optional<String> clash(Series series, Series other) {
        return series.pattern().overlap(other.pattern()).map(number -> series.name() + " '" + series.pattern().pattern()
                + "' could give the same numbers as " + other.name() + " '" + other.pattern().pattern() + "', e.g. " + number
                + ": a document number must be unique across the whole system, so choose a different prefix or layout");
    }
}
