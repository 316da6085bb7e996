package com.billflow.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A laboratory that issues production invoices, credit notes and proposals: each in its own
 * currency and number series, mailed with its own text, and as automated as its flags say. As the
 * seller on its documents it carries its postal address, tax (VAT/GST/ABN) id, bank details and
 * the payment reference rule (EU VAT Directive 2006/112/EC Art. 226).
 */
@Entity
@Table(name = "laboratory")
public class Laboratory {

    @Id
    private String code;
    private String name;
    private String currency;

    private String invoiceNumberPattern;
    private String creditNoteNumberPattern;
    private String proposalNumberPattern;

    /** Null: mail goes out from the application's billflow.mail.from. */
    private String emailFrom;
    private String emailSubjectTemplate;
    private String emailBodyTemplate;

    private boolean autoAuthorise;
    private boolean autoTransmit;
    private boolean autoBook;
    private boolean autoBookCreditNotes;
    private int paymentTermsDays;

    @Embedded
    private Address address;
    /** VAT identification number (e.g. DE123456789), GST number or ABN; null when not given. */
    private String taxId;
    /** The contact telephone an e-invoice names (BT-42); null when not given. */
    private String phone;
    @Embedded
    private BankDetails bankDetails;
    @Enumerated(EnumType.STRING)
    private PaymentReferenceRule paymentReference = PaymentReferenceRule.INVOICE_NUMBER;

    /** Each tax rate's accounting tax type/code and VAT category, as the administrator listed them. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "laboratory_tax_mapping", joinColumns = @JoinColumn(name = "laboratory_code"))
    @OrderColumn(name = "position")
    private List<TaxMapping> taxMappings = new ArrayList<>();

    @Version
    private long version;

    protected Laboratory() {
    }

    public Laboratory(String code) {
        this.code = code;
    }

    void update(String name, Currency currency, int paymentTermsDays) {
        this.name = name;
        this.currency = currency.getCurrencyCode();
        this.paymentTermsDays = paymentTermsDays;
    }

    void numbering(String invoicePattern, String creditNotePattern, String proposalPattern) {
        this.invoiceNumberPattern = invoicePattern;
        this.creditNoteNumberPattern = creditNotePattern;
        this.proposalNumberPattern = proposalPattern;
    }

    void email(String from, String subjectTemplate, String bodyTemplate) {
        this.emailFrom = from;
        this.emailSubjectTemplate = subjectTemplate;
        this.emailBodyTemplate = bodyTemplate;
    }

    void automation(boolean authorise, boolean transmit, boolean book, boolean bookCreditNotes) {
        this.autoAuthorise = authorise;
        this.autoTransmit = transmit;
        this.autoBook = book;
        this.autoBookCreditNotes = bookCreditNotes;
    }

    void phone(String phone) {
        this.phone = phone;
    }

    void seller(Address address, String taxId, BankDetails bankDetails, PaymentReferenceRule paymentReference) {
        this.address = address == null ? Address.empty() : address;
        this.taxId = taxId;
        this.bankDetails = bankDetails == null ? BankDetails.none() : bankDetails;
        this.paymentReference = paymentReference == null ? PaymentReferenceRule.INVOICE_NUMBER : paymentReference;
    }

    void taxMappings(List<TaxMapping> mappings) {
        taxMappings.clear();
        taxMappings.addAll(mappings);
    }

    /** The mapping of a tax rate in percent, compared by value (19 = 19.00). */
    public Optional<TaxMapping> taxMappingFor(BigDecimal rate) {
        return taxMappings.stream().filter(m -> m.rate().compareTo(rate) == 0).findFirst();
    }

    /** The currency of every amount this laboratory invoices. */
    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getCurrency() { return currency; }
    public String getInvoiceNumberPattern() { return invoiceNumberPattern; }
    public String getCreditNoteNumberPattern() { return creditNoteNumberPattern; }
    public String getProposalNumberPattern() { return proposalNumberPattern; }
    public String getEmailFrom() { return emailFrom; }
    public String getEmailSubjectTemplate() { return emailSubjectTemplate; }
    public String getEmailBodyTemplate() { return emailBodyTemplate; }
    public boolean isAutoAuthorise() { return autoAuthorise; }
    public boolean isAutoTransmit() { return autoTransmit; }
    public boolean isAutoBook() { return autoBook; }
    public boolean isAutoBookCreditNotes() { return autoBookCreditNotes; }
    public int getPaymentTermsDays() { return paymentTermsDays; }
    public List<TaxMapping> getTaxMappings() { return List.copyOf(taxMappings); }
    public Address getAddress() { return address == null ? Address.empty() : address; }
    public String getTaxId() { return taxId; }
    public String getPhone() { return phone; }
    public BankDetails getBankDetails() { return bankDetails == null ? BankDetails.none() : bankDetails; }
    public PaymentReferenceRule getPaymentReference() { return paymentReference == null ? PaymentReferenceRule.INVOICE_NUMBER : paymentReference; }
}
