package com.billflow.directory;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer that laboratories bill with production invoices. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    private String code;
    private String name;

    @Embedded
    private Address address;

    /** Where invoices are mailed; required when {@link #getTransmitBy()} is EMAIL. */
    private String invoiceContactEmail;

    @Enumerated(EnumType.STRING)
    private TransmitBy transmitBy;

    /** VAT identification number, GST number or ABN, printed under "Bill to"; null when not given. */
    private String taxId;

    /** Peppol participant id, format and delivery of a client with {@code transmitBy: EINVOICE}; null otherwise. */
    @Embedded
    private EInvoiceSettings einvoice;

    @Version
    private long version;

    protected Client() {
    }

    public Client(String code) {
        this.code = code;
    }

    void update(String name, Address address, String invoiceContactEmail, TransmitBy transmitBy, String taxId, EInvoiceSettings einvoice) {
        this.einvoice = einvoice;
        this.taxId = taxId;
        this.name = name;
        this.address = address == null ? Address.empty() : address;
        this.invoiceContactEmail = invoiceContactEmail;
        this.transmitBy = transmitBy;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public Address getAddress() { return address == null ? Address.empty() : address; }
    public String getInvoiceContactEmail() { return invoiceContactEmail; }
    public TransmitBy getTransmitBy() { return transmitBy; }
    public String getTaxId() { return taxId; }
    public EInvoiceSettings getEinvoice() { return einvoice; }
}
