package com.billflow.surgicalcase;

import com.billflow.money.Currencies;
import com.billflow.money.Money;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The Console's "New case" form as the browser posts it. It holds no rule: {@link #toRequest}
 * makes the API's {@link SubmitCaseRequest}, whose constraints and {@link SurgicalCaseService}
 * decide. Field names are the request's (but {@code facility}, which takes a name or a code), so
 * a constraint's property path names the form field to mark.
 */
public class CaseForm {

    private String facility;
    private String surgeon;
    private String procedure;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate procedureDate;
    private String rep;
    private String patientRef;
    private String currency;
    private List<Line> lines = new ArrayList<>();

    /** One device line; {@code udi} is the scanned or pasted barcode that fills part, lot and serial. */
    public static class Line {
        private String manufacturer;
        private String partNumber;
        private String lotNumber;
        private String serialNumber;
        private String description;
        private BigDecimal quantity;
        private BigDecimal unitPrice;
        private String udi;
        private String udiNote;

        public String getManufacturer() { return manufacturer; }
        public void setManufacturer(String manufacturer) { this.manufacturer = manufacturer; }
        public String getPartNumber() { return partNumber; }
        public void setPartNumber(String partNumber) { this.partNumber = partNumber; }
        public String getLotNumber() { return lotNumber; }
        public void setLotNumber(String lotNumber) { this.lotNumber = lotNumber; }
        public String getSerialNumber() { return serialNumber; }
        public void setSerialNumber(String serialNumber) { this.serialNumber = serialNumber; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public BigDecimal getQuantity() { return quantity; }
        public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
        public BigDecimal getUnitPrice() { return unitPrice; }
        public void setUnitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; }
        public String getUdi() { return udi; }
        public void setUdi(String udi) { this.udi = udi; }
        /** What the last UDI filled in, or why it could not; shown under the line, never posted back as data. */
        public String getUdiNote() { return udiNote; }
        public void setUdiNote(String udiNote) { this.udiNote = udiNote; }

        /** Fills part (the GTIN), lot and serial from a UDI; fields the barcode does not carry stay as they are. */
        void fillFrom(UdiBarcode.Udi udi) {
            partNumber = udi.gtin();
            if (udi.lot() != null) {
                lotNumber = udi.lot();
            }
            if (udi.serial() != null) {
                serialNumber = udi.serial();
            }
        }

        boolean isBlank() {
            return isEmpty(manufacturer) && isEmpty(partNumber) && isEmpty(lotNumber) && isEmpty(serialNumber)
                    && isEmpty(description) && quantity == null && unitPrice == null;
        }
    }

    /** A new form: today's date, the default currency, one empty line of quantity 1. */
    static CaseForm blank(LocalDate today, String currency) {
        CaseForm form = new CaseForm();
        form.procedureDate = today;
        form.currency = currency;
        form.addLine();
        return form;
    }

    void addLine() {
        Line line = new Line();
        line.setQuantity(BigDecimal.ONE);
        lines.add(line);
    }

    /**
     * The API request; blank lines (a row added and left empty) are left out.
     *
     * @param facilityCode the facility the {@code facility} text names
     */
    SubmitCaseRequest toRequest(String facilityCode) {
        List<SubmitCaseRequest.Line> requestLines = lines.stream().filter(line -> !line.isBlank())
                .map(line -> new SubmitCaseRequest.Line(line.manufacturer, line.partNumber, line.lotNumber, line.serialNumber,
                        line.description, line.quantity, line.unitPrice))
                .toList();
        return new SubmitCaseRequest(facilityCode, surgeon, procedure, procedureDate, emptyToNull(rep), patientRef,
                emptyToNull(currency), requestLines);
    }

    /**
     * The running total of the lines complete enough to price, each rounded as the case rounds it
     * ({@link Money#times}); null without a currency in circulation.
     */
    public Money getTotal() {
        Optional<Currency> chosen = Currencies.inCirculation(currency);
        return chosen.map(c -> lines.stream().filter(l -> l.quantity != null && l.unitPrice != null)
                .map(l -> Money.of(l.unitPrice, c).times(l.quantity)).reduce(Money.zero(c), Money::plus)).orElse(null);
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isBlank();
    }

    private static String emptyToNull(String text) {
        return isEmpty(text) ? null : text;
    }

    public String getFacility() { return facility; }
    public void setFacility(String facility) { this.facility = facility; }
    public String getSurgeon() { return surgeon; }
    public void setSurgeon(String surgeon) { this.surgeon = surgeon; }
    public String getProcedure() { return procedure; }
    public void setProcedure(String procedure) { this.procedure = procedure; }
    public LocalDate getProcedureDate() { return procedureDate; }
    public void setProcedureDate(LocalDate procedureDate) { this.procedureDate = procedureDate; }
    public String getRep() { return rep; }
    public void setRep(String rep) { this.rep = rep; }
    public String getPatientRef() { return patientRef; }
    public void setPatientRef(String patientRef) { this.patientRef = patientRef; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public List<Line> getLines() { return lines; }
    public void setLines(List<Line> lines) { this.lines = lines; }
}
