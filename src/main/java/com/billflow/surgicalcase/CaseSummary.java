package com.billflow.surgicalcase;

import com.billflow.common.Markdown;
import com.billflow.directory.FacilityService;
import com.billflow.security.UserNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The read-only overview the Add Purchase Order form shows, as Markdown. */
@Component
public class CaseSummary {

    private final SurgicalCaseService cases;
    private final FacilityService facilities;
    private final UserNames names;

    CaseSummary(SurgicalCaseService cases, FacilityService facilities, UserNames names) {
        this.names = names;
        this.cases = cases;
        this.facilities = facilities;
    }

    @Transactional(readOnly = true)
    public String markdown(Long caseId) {
        SurgicalCase c = cases.get(caseId);
        StringBuilder text = new StringBuilder()
                .append("### Case ").append(c.getCaseNumber()).append(" - ").append(Markdown.escape(facilities.get(c.getFacilityCode()).getName())).append("\n\n")
                .append(Markdown.escape(c.getProcedureName())).append(" on ").append(c.getProcedureDate())
                .append(", surgeon ").append(Markdown.escape(c.getSurgeon())).append(", rep ").append(Markdown.escape(names.of(c.getRep())))
                .append(", patient ref ").append(Markdown.escape(c.getPatientRef())).append("\n\n")
                .append("| Manufacturer | Part # | Lot / Serial | Description | Qty | Amount |\n")
                .append("|---|---|---|---|---:|---:|\n");
        for (SurgicalCaseLine line : c.getLines()) {
            text.append("| ").append(Markdown.escape(line.getManufacturer()))
                    .append(" | ").append(Markdown.escape(line.getPartNumber()))
                    .append(" | ").append(Markdown.escape(nullToEmpty(line.getLotNumber()) + " " + nullToEmpty(line.getSerialNumber())))
                    .append(" | ").append(Markdown.escape(line.getDescription()))
                    .append(" | ").append(line.getQuantity().toPlainString())
                    .append(" | ").append(line.amount(c.currency()).toPlainString()).append(" |\n");
        }
        return text.append("\n**Total: ").append(c.total()).append("**").toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
