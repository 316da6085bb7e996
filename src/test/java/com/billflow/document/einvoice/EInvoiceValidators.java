package com.billflow.document.einvoice;

import com.helger.commons.io.resource.inmemory.ReadableResourceByteArray;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2025_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.diver.api.coord.DVRCoordinate;
import org.mustangproject.validator.ZUGFeRDValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * The official rules, run by phive (rule sets of phive-rules 3.2.15: CEN EN 16931 validation artefacts 1.3.14.2
 * for UBL and CII, OpenPeppol BIS Billing 3.0 release 2025.5) and Mustang's validator (PDF/A-3 by veraPDF and
 * the Factur-X XML by its schema and EN 16931 schematron). Each answers the errors it found, empty when valid;
 * warnings are not errors.
 */
public final class EInvoiceValidators {

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = new ValidationExecutorSetRegistry<>();

    static {
        EN16931Validation.initEN16931(REGISTRY);
        PeppolValidation.initStandard(REGISTRY);
    }

    private EInvoiceValidators() {
    }

    /** EN 16931 (UBL binding) and Peppol BIS Billing 3.0 errors of a UBL invoice or credit note. */
    public static List<String> ublErrors(byte[] xml, boolean creditNote) {
        List<String> errors = new ArrayList<>();
        errors.addAll(errors(xml, creditNote ? EN16931Validation.VID_UBL_CREDIT_NOTE_1314_2 : EN16931Validation.VID_UBL_INVOICE_1314_2));
        errors.addAll(errors(xml, creditNote ? PeppolValidation2025_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3
                : PeppolValidation2025_05.VID_OPENPEPPOL_INVOICE_UBL_V3));
        return errors;
    }

    /** EN 16931 (CII binding) errors of a CII invoice or credit note. */
    public static List<String> ciiErrors(byte[] xml) {
        return errors(xml, EN16931Validation.VID_CII_1314_2);
    }

    /** Mustang's verdict on a Factur-X PDF (PDF/A-3 and the embedded XML): its report when not completely valid, else empty. */
    public static List<String> facturXErrors(byte[] pdf) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "factur-x.pdf");
        return validator.wasCompletelyValid() ? List.of() : List.of(report);
    }

    private static List<String> errors(byte[] xml, DVRCoordinate rules) {
        IValidationExecutorSet<IValidationSourceXML> set = REGISTRY.getOfID(rules);
        if (set == null) {
            throw new IllegalStateException("phive has no rule set " + rules);
        }
        ValidationResultList result = ValidationExecutionManager.executeValidation(set,
                ValidationSourceXML.create(new ReadableResourceByteArray(xml)));
        List<String> errors = new ArrayList<>();
        result.forEachFlattened(error -> {
            if (error.isError()) {
                errors.add(rules.getAsSingleID() + ": " + error.getAsString(java.util.Locale.ENGLISH));
            }
        });
        return errors;
    }
}
