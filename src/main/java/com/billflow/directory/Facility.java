package com.billflow.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A hospital or surgery centre that is billed for surgical cases. */
@Entity
@Table(name = "facility")
public class Facility {

    @Id
    private String code;
    private String name;

    @Embedded
    private Address address;

    /** In order: the first is the "First Billing Contact" that invoices and reminders go to. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "facility_billing_contact", joinColumns = @JoinColumn(name = "facility_code"))
    @OrderColumn(name = "position")
    private List<BillingContact> billingContacts = new ArrayList<>();

    private boolean sendPoReminders;
    private int paymentTermsDays;

    @Version
    private long version;

    protected Facility() {
    }

    public Facility(String code) {
        this.code = code;
    }

    void update(String name, Address address, List<BillingContact> contacts, boolean sendPoReminders, int paymentTermsDays) {
        this.name = name;
        this.address = address == null ? Address.empty() : address;
        this.billingContacts.clear();
        this.billingContacts.addAll(contacts);
        this.sendPoReminders = sendPoReminders;
        this.paymentTermsDays = paymentTermsDays;
    }

    public Optional<BillingContact> firstBillingContact() {
        return billingContacts.stream().findFirst();
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public Address getAddress() { return address == null ? Address.empty() : address; }
    public List<BillingContact> getBillingContacts() { return List.copyOf(billingContacts); }
    public boolean isSendPoReminders() { return sendPoReminders; }
    public int getPaymentTermsDays() { return paymentTermsDays; }
}
