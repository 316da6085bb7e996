package com.billflow.invoice;

import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.security.Caller;
import com.billflow.security.LaboratoryScope;
import com.billflow.security.LaboratoryTenants;
import org.springframework.stereotype.Component;

/**
 * Which invoices a caller may see and for which laboratories they may create one (SPEC §2): an
 * office manager only their laboratories' (their Camunda tenants), an administrator every one. The
 * REST API and the Console ask here, so both refuse alike: another laboratory's invoice is 404,
 * worded as for an id that does not exist.
 */
@Component
class InvoiceAccess {

    private final InvoiceService invoices;
    private final LaboratoryTenants tenants;

    InvoiceAccess(InvoiceService invoices, LaboratoryTenants tenants) {
        this.invoices = invoices;
        this.tenants = tenants;
    }

    LaboratoryScope scopeOf(Caller caller) {
        return tenants.scopeOf(caller);
    }

    /** The invoice if it is of one of the caller's laboratories; otherwise {@link NotFoundException} (404). */
    Invoice visible(Long id, Caller caller) {
        Invoice invoice = invoices.get(id);
        if (!scopeOf(caller).includes(invoice.getLaboratoryCode())) {
            throw NotFoundException.of("Invoice", id);
        }
        return invoice;
    }

    /** Refuses (400) a laboratory that is not the caller's, worded alike whether it exists or not, so codes reveal nothing. */
    void requireLaboratory(String laboratoryCode, Caller caller) {
        LaboratoryScope scope = scopeOf(caller);
        if (!scope.includes(laboratoryCode)) {
            throw new InvalidInputException("laboratoryCode '" + laboratoryCode + "' is not a known laboratory of yours; yours: "
                    + (scope.laboratoryCodes().isEmpty() ? "none (an administrator adds you to a laboratory's tenant in Camunda Admin)"
                    : String.join(", ", scope.laboratoryCodes().stream().sorted().toList())));
        }
    }
}
