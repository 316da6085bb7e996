package com.billflow.payment;

import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.Text;
import com.billflow.money.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records payments and answers what is paid and open. The amount is in the document's currency,
 * at most its digits, above zero, compared with {@code compareTo}. A payment below the open amount
 * is recorded as PARTIAL, one equal to it as FULL; one above it is refused (400), so an overpayment
 * never enters the books and the user records the right amount (or a refund outside Billflow).
 */
@Service
public class Payments {

    /** The longest reference: a SEPA credit transfer's unstructured remittance information. */
    public static final int MAX_REFERENCE = 140;

    private final PaymentRepository payments;
    private final Clock clock;

    Payments(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * Records a payment towards {@code total} (defaults: today, the open amount), in the caller's
     * transaction. Refused with {@link InvalidInputException} (400) for an amount of zero or less,
     * with more digits than the currency has, or above the open amount; a date in the future; an
     * over-long or multi-line reference. {@link IllegalStatusException} (409) when nothing is open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment towards(PaymentSubject subject, Long ownerId, Money total, PaymentInput input, String actor) {
        Money open = open(subject, ownerId, total);
        if (open.amount().signum() <= 0) {
            throw new IllegalStatusException("Nothing is open: payments of " + paid(subject, ownerId, total.currency())
                    + " already settle the total of " + total);
        }
        Money amount = input.amount() == null ? open : amount(input.amount(), total.currency());
        if (amount.amount().compareTo(open.amount()) > 0) {
            throw new InvalidInputException("amount " + amount + " is more than the open amount " + open + " (total " + total
                    + "): an overpayment is not recorded; record at most " + open.toPlainString());
        }
        Money openAfter = open.plus(amount.negate());
        PaymentOutcome outcome = openAfter.amount().signum() == 0 ? PaymentOutcome.FULL : PaymentOutcome.PARTIAL;
        return payments.save(new Payment(subject, ownerId, date(input.paymentDate()), amount, reference(input.reference()), null,
                outcome, openAfter, actor, Instant.now(clock)));
    }

    /**
     * Records a payment that owes nothing to a total (a rep's commission): the amount is required,
     * the period defaults to the payment date's month. Refused (400) as {@link #towards}, or for a
     * period that is neither "YYYY-MM" nor "YYYY-MM-DD..YYYY-MM-DD" with the start not after the end.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment standalone(PaymentSubject subject, Long ownerId, Currency currency, PaymentInput input, String actor) {
        if (input.amount() == null) {
            throw new InvalidInputException("amount is required: the commission paid, in " + currency.getCurrencyCode());
        }
        Money amount = amount(input.amount(), currency);
        LocalDate date = date(input.paymentDate());
        return payments.save(new Payment(subject, ownerId, date, amount, reference(input.reference()), period(input.period(), date),
                PaymentOutcome.FULL, null, actor, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public List<Payment> of(PaymentSubject subject, Long ownerId) {
        return payments.findBySubjectAndOwnerIdOrderById(subject, ownerId);
    }

    /**
     * The payments of two subjects of one owner, read in one query: a map from {@code first} and {@code second}, in that
     * order, to their payments, oldest first (empty when none).
     */
    @Transactional(readOnly = true)
    public Map<PaymentSubject, List<Payment>> ofBoth(PaymentSubject first, PaymentSubject second, Long ownerId) {
        Map<PaymentSubject, List<Payment>> bySubject = new LinkedHashMap<>();
        bySubject.put(first, new ArrayList<>());
        bySubject.put(second, new ArrayList<>());
        for (Payment payment : payments.findByEitherSubject(first, second, ownerId)) {
            bySubject.get(payment.getSubject()).add(payment);
        }
        return bySubject;
    }

    @Transactional(readOnly = true)
    public Money paid(PaymentSubject subject, Long ownerId, Currency currency) {
        return of(subject, ownerId).stream().map(Payment::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** {@code total} less what was paid towards it. */
    @Transactional(readOnly = true)
    public Money open(PaymentSubject subject, Long ownerId, Money total) {
        return openOf(total, of(subject, ownerId));
    }

    /** {@code total} less the amounts of {@code towardsIt} (payments already read, e.g. by {@link #of}). */
    public static Money openOf(Money total, List<Payment> towardsIt) {
        return total.plus(towardsIt.stream().map(Payment::amount).reduce(Money.zero(total.currency()), Money::plus).negate());
    }

    private static Money amount(BigDecimal given, Currency currency) {
        if (given.signum() <= 0) {
            throw new InvalidInputException("amount " + given.toPlainString() + " must be more than 0");
        }
        if (given.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new InvalidInputException("amount " + given.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
        if (given.precision() - given.scale() > 15) {
            throw new InvalidInputException("amount " + given.toPlainString() + " is too large");
        }
        return Money.of(given, currency);
    }

    private LocalDate date(LocalDate given) {
        LocalDate today = LocalDate.now(clock);
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw new InvalidInputException("paymentDate " + given + " is in the future: record a payment once it is made");
        }
        return given;
    }

    private static String reference(String given) {
        return Text.optional("reference", given, MAX_REFERENCE);
    }

    /** "2026-11" or "2026-11-01..2026-11-15", as given; default the month of {@code paid}. */
    static String period(String given, LocalDate paid) {
        String period = Text.optional("period", given, 22);
        if (period == null) {
            return YearMonth.from(paid).toString();
        }
        try {
            if (period.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(period).toString();
            }
            if (period.matches("\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate from = LocalDate.parse(period.substring(0, 10));
                LocalDate to = LocalDate.parse(period.substring(12));
                if (!from.isAfter(to)) {
                    return from + ".." + to;
                }
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        throw new InvalidInputException("period '" + period + "' must be a month (2026-11) or a date range (2026-11-01..2026-11-15)"
                + " whose start is not after its end");
    }
}
