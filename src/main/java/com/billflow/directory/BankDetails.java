package com.billflow.directory;

import com.billflow.common.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.billflow.common.Text.NO_CONTROL;

/**
 * Where a laboratory's clients pay: an IBAN (ISO 13616, checked with its ISO 7064 mod-97 check
 * digits and its country's length and format by iban4j) with an optional BIC (ISO 9362, 8 or 11
 * characters), or a domestic account number with a bank code (e.g. a US routing number, a UK
 * sort code); one or the other, never both. The account holder is required with either.
 * Stored without spaces, upper case; printed in groups of four.
 */
@Embeddable
public record BankDetails(
        @Size(max = 140) @Pattern(regexp = NO_CONTROL) String accountHolder,
        @Size(max = 50) String iban,
        @Size(max = 20) String bic,
        @Size(max = 34) @Pattern(regexp = "[A-Za-z0-9 -]*", message = "must be letters, digits, spaces or '-'") String accountNumber,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]*", message = "must be letters, digits, spaces or '-'") String bankCode) {

    public static BankDetails none() {
        return new BankDetails(null, null, null, null, null);
    }

    /**
     * The details as given, normalised (trimmed; IBAN and BIC without spaces, upper case), or
     * {@link InvalidInputException} (400) naming the field: an IBAN whose check digits, length or
     * format are wrong, a BIC of the wrong shape, both an IBAN and an account number, a BIC
     * without an IBAN, a bank code without an account number, or an account without a holder.
     */
    public static BankDetails checked(BankDetails given) {
        if (given == null) {
            return none();
        }
        String holder = blankToNull(given.accountHolder());
        String iban = compact(given.iban());
        String bic = compact(given.bic());
        String accountNumber = blankToNull(given.accountNumber());
        String bankCode = blankToNull(given.bankCode());
        if (iban != null) {
            try {
                IbanUtil.validate(iban);
            } catch (Iban4jException e) {
                throw new InvalidInputException("bankDetails.iban '" + given.iban().strip() + "' is not a valid IBAN: " + e.getMessage());
            }
        }
        if (bic != null) {
            try {
                BicUtil.validate(bic);
            } catch (Iban4jException e) {
                throw new InvalidInputException("bankDetails.bic '" + given.bic().strip() + "' is not a valid BIC (ISO 9362: 8 or 11 characters): "
                        + e.getMessage());
            }
        }
        if (iban != null && accountNumber != null) {
            throw new InvalidInputException("bankDetails: give either iban (with bic) or accountNumber (with bankCode), not both");
        }
        if (bic != null && iban == null) {
            throw new InvalidInputException("bankDetails.bic needs bankDetails.iban: a BIC names the bank of an IBAN");
        }
        if (bankCode != null && accountNumber == null) {
            throw new InvalidInputException("bankDetails.bankCode needs bankDetails.accountNumber");
        }
        if ((iban != null || accountNumber != null) && holder == null) {
            throw new InvalidInputException("bankDetails.accountHolder is required with an account: it is printed on every invoice");
        }
        if (holder != null && iban == null && accountNumber == null) {
            throw new InvalidInputException("bankDetails: an accountHolder needs an iban or an accountNumber");
        }
        return new BankDetails(holder, iban, bic, accountNumber, bankCode);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return iban == null && accountNumber == null;
    }

    /** "Account holder: …", "IBAN: DE89 3704 …", "BIC: …" (or account number and bank code): as printed under "Remit to". */
    public List<String> printedLines() {
        List<String> lines = new ArrayList<>();
        if (isEmpty()) {
            return lines;
        }
        lines.add("Account holder: " + accountHolder);
        if (iban != null) {
            lines.add("IBAN: " + iban.replaceAll("(.{4})(?!$)", "$1 "));
            if (bic != null) {
                lines.add("BIC: " + bic);
            }
        } else {
            lines.add("Account number: " + accountNumber);
            if (bankCode != null) {
                lines.add("Bank code: " + bankCode);
            }
        }
        return lines;
    }

    private static String compact(String value) {
        String stripped = blankToNull(value);
        return stripped == null ? null : stripped.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
