package com.billflow.document.einvoice;

import com.billflow.document.einvoice.ElectronicInvoice.Adjustment;
import com.billflow.document.einvoice.ElectronicInvoice.Line;
import com.billflow.document.einvoice.ElectronicInvoice.Party;
import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.CountryIDType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.CurrencyCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.DocumentCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.FormattedDateTimeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.PaymentMeansCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.TaxCategoryCodeType;
import un.unece.uncefact.data.standard.qualifieddatatype._100.TaxTypeCodeType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.CreditorFinancialAccountType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.CreditorFinancialInstitutionType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DocumentContextParameterType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.DocumentLineDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ExchangedDocumentContextType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ExchangedDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeAgreementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeDeliveryType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.HeaderTradeSettlementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeAgreementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeDeliveryType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.LineTradeSettlementType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.ReferencedDocumentType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainEventType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainTradeLineItemType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.SupplyChainTradeTransactionType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TaxRegistrationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAddressType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeAllowanceChargeType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeContactType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePartyType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePaymentTermsType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradePriceType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeProductType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementHeaderMonetarySummationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementLineMonetarySummationType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeSettlementPaymentMeansType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.TradeTaxType;
import un.unece.uncefact.data.standard.reusableaggregatebusinessinformationentity._100.UniversalCommunicationType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.AmountType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.DateTimeType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.IDType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.IndicatorType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.PercentType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.QuantityType;
import un.unece.uncefact.data.standard.unqualifieddatatype._100.TextType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link ElectronicInvoice} as UN/CEFACT Cross Industry Invoice (D16B), the syntax of Factur-X and
 * ZUGFeRD, in the EN 16931 profile (guideline {@value #EN16931_GUIDELINE}), with ph-cii's JAXB model.
 */
public final class CiiInvoiceWriter {

    /** The EN 16931 profile of Factur-X 1.0 / ZUGFeRD 2.x (BT-24). */
    public static final String EN16931_GUIDELINE = "urn:cen.eu:en16931:2017";

    private static final DateTimeFormatter FORMAT_102 = DateTimeFormatter.BASIC_ISO_DATE;

    private CiiInvoiceWriter() {
    }

    /** The document as CII XML (UTF-8). */
    public static byte[] xml(ElectronicInvoice invoice) {
        byte[] xml = new CIID16BCrossIndustryInvoiceTypeMarshaller().getAsBytes(document(invoice));
        if (xml == null) {
            throw new IllegalStateException("CII of " + invoice.number() + " could not be written: see the log for the schema error");
        }
        return xml;
    }

    /** The document as ph-cii's JAXB model (for the UBL conversion). */
    public static CrossIndustryInvoiceType document(ElectronicInvoice invoice) {
        CrossIndustryInvoiceType cii = new CrossIndustryInvoiceType();
        ExchangedDocumentContextType context = new ExchangedDocumentContextType();
        DocumentContextParameterType guideline = new DocumentContextParameterType();
        guideline.setID(new IDType(EN16931_GUIDELINE));
        context.addGuidelineSpecifiedDocumentContextParameter(guideline);
        cii.setExchangedDocumentContext(context);

        ExchangedDocumentType header = new ExchangedDocumentType();
        header.setID(new IDType(invoice.number()));
        header.setTypeCode(new DocumentCodeType(invoice.creditNote() ? "381" : "380"));
        header.setIssueDateTime(dateTime(invoice.issueDate()));
        cii.setExchangedDocument(header);

        SupplyChainTradeTransactionType transaction = new SupplyChainTradeTransactionType();
        for (Line line : invoice.lines()) {
            transaction.addIncludedSupplyChainTradeLineItem(line(invoice, line));
        }
        transaction.setApplicableHeaderTradeAgreement(agreement(invoice));
        HeaderTradeDeliveryType delivery = new HeaderTradeDeliveryType();
        if ("K".equals(invoice.vat().category())) {
            // An intra-community supply names where the goods or services went (BR-IC-12).
            TradePartyType shipTo = new TradePartyType();
            TradeAddressType address = new TradeAddressType();
            address.setCountryID(new CountryIDType(invoice.buyer().countryCode()));
            shipTo.setPostalTradeAddress(address);
            delivery.setShipToTradeParty(shipTo);
        }
        SupplyChainEventType supplied = new SupplyChainEventType();
        supplied.setOccurrenceDateTime(dateTime(invoice.issueDate()));
        delivery.setActualDeliverySupplyChainEvent(supplied);
        transaction.setApplicableHeaderTradeDelivery(delivery);
        transaction.setApplicableHeaderTradeSettlement(settlement(invoice));
        cii.setSupplyChainTradeTransaction(transaction);
        return cii;
    }

    private static HeaderTradeAgreementType agreement(ElectronicInvoice invoice) {
        HeaderTradeAgreementType agreement = new HeaderTradeAgreementType();
        if (invoice.buyerReference() != null) {
            agreement.setBuyerReference(new TextType(invoice.buyerReference()));
        }
        TradePartyType seller = party(invoice.seller(), invoice.vat());
        if (invoice.seller().email() != null || invoice.seller().phone() != null) {
            // The seller's contact (BG-6), which Peppol's German rules ask for with a telephone (DE-R-002, DE-R-006).
            TradeContactType contact = new TradeContactType();
            contact.setPersonName(new TextType(invoice.seller().name()));
            if (invoice.seller().phone() != null) {
                UniversalCommunicationType phone = new UniversalCommunicationType();
                phone.setCompleteNumber(new TextType(invoice.seller().phone()));
                contact.setTelephoneUniversalCommunication(phone);
            }
            if (invoice.seller().email() != null) {
                UniversalCommunicationType email = new UniversalCommunicationType();
                email.setURIID(new IDType(invoice.seller().email()));
                contact.setEmailURIUniversalCommunication(email);
            }
            seller.addDefinedTradeContact(contact);
        }
        agreement.setSellerTradeParty(seller);
        agreement.setBuyerTradeParty(party(invoice.buyer(), invoice.vat()));
        return agreement;
    }

    private static TradePartyType party(Party party, ElectronicInvoice.Vat vat) {
        TradePartyType trade = new TradePartyType();
        trade.setName(new TextType(party.name()));
        TradeAddressType address = new TradeAddressType();
        if (party.postalCode() != null) {
            address.setPostcodeCode(new un.unece.uncefact.data.standard.unqualifieddatatype._100.CodeType(party.postalCode()));
        }
        if (party.line1() != null) {
            address.setLineOne(new TextType(party.line1()));
        }
        if (party.line2() != null) {
            address.setLineTwo(new TextType(party.line2()));
        }
        if (party.city() != null) {
            address.setCityName(new TextType(party.city()));
        }
        address.setCountryID(new CountryIDType(party.countryCode()));
        if (party.region() != null) {
            address.addCountrySubDivisionName(new TextType(party.region()));
        }
        trade.setPostalTradeAddress(address);
        if (party.endpoint() != null) {
            UniversalCommunicationType endpoint = new UniversalCommunicationType();
            IDType uri = new IDType(party.endpoint().value());
            uri.setSchemeID(party.endpoint().scheme());
            endpoint.setURIID(uri);
            trade.setURIUniversalCommunication(java.util.List.of(endpoint));
        }
        // Outside the scope of VAT (O) a document names no VAT identifier (BR-O-02..04).
        if (party.vatId() != null && !"O".equals(vat.category())) {
            TaxRegistrationType registration = new TaxRegistrationType();
            IDType id = new IDType(party.vatId());
            id.setSchemeID("VA");
            registration.setID(id);
            trade.addSpecifiedTaxRegistration(registration);
        }
        return trade;
    }

    private static SupplyChainTradeLineItemType line(ElectronicInvoice invoice, Line line) {
        SupplyChainTradeLineItemType item = new SupplyChainTradeLineItemType();
        DocumentLineDocumentType document = new DocumentLineDocumentType();
        document.setLineID(new IDType(line.id()));
        item.setAssociatedDocumentLineDocument(document);
        TradeProductType product = new TradeProductType();
        product.addName(new TextType(line.name()));
        item.setSpecifiedTradeProduct(product);
        LineTradeAgreementType agreement = new LineTradeAgreementType();
        TradePriceType price = new TradePriceType();
        price.addChargeAmount(new AmountType(line.unitPrice()));
        agreement.setNetPriceProductTradePrice(price);
        item.setSpecifiedLineTradeAgreement(agreement);
        LineTradeDeliveryType delivery = new LineTradeDeliveryType();
        QuantityType quantity = new QuantityType(line.quantity());
        quantity.setUnitCode(line.unitCode());
        delivery.setBilledQuantity(quantity);
        item.setSpecifiedLineTradeDelivery(delivery);
        LineTradeSettlementType settlement = new LineTradeSettlementType();
        settlement.addApplicableTradeTax(categoryTax(invoice.vat()));
        TradeSettlementLineMonetarySummationType sum = new TradeSettlementLineMonetarySummationType();
        sum.addLineTotalAmount(new AmountType(line.netAmount()));
        settlement.setSpecifiedTradeSettlementLineMonetarySummation(sum);
        item.setSpecifiedLineTradeSettlement(settlement);
        return item;
    }

    private static HeaderTradeSettlementType settlement(ElectronicInvoice invoice) {
        HeaderTradeSettlementType settlement = new HeaderTradeSettlementType();
        String currency = invoice.currency().getCurrencyCode();
        ElectronicInvoice.Payment payment = invoice.payment();
        if (payment.reference() != null) {
            settlement.addPaymentReference(new TextType(payment.reference()));
        }
        settlement.setInvoiceCurrencyCode(new CurrencyCodeType(currency));
        if (payment.hasAccount()) {
            settlement.addSpecifiedTradeSettlementPaymentMeans(paymentMeans(payment));
        }
        TradeTaxType vat = categoryTax(invoice.vat());
        vat.addCalculatedAmount(new AmountType(invoice.totals().taxTotal()));
        vat.addBasisAmount(new AmountType(invoice.totals().taxBasis()));
        if (invoice.vat().exemptionReason() != null) {
            vat.setExemptionReason(new TextType(invoice.vat().exemptionReason()));
        }
        if (invoice.vat().exemptionCode() != null) {
            vat.setExemptionReasonCode(new un.unece.uncefact.data.standard.unqualifieddatatype._100.CodeType(invoice.vat().exemptionCode()));
        }
        settlement.addApplicableTradeTax(vat);
        for (Adjustment adjustment : invoice.adjustments()) {
            settlement.addSpecifiedTradeAllowanceCharge(adjustment(invoice, adjustment));
        }
        TradePaymentTermsType terms = new TradePaymentTermsType();
        terms.addDescription(new TextType(payment.terms()));
        if (invoice.dueDate() != null) {
            terms.setDueDateDateTime(dateTime(invoice.dueDate()));
        }
        settlement.addSpecifiedTradePaymentTerms(terms);
        TradeSettlementHeaderMonetarySummationType sums = new TradeSettlementHeaderMonetarySummationType();
        ElectronicInvoice.Totals totals = invoice.totals();
        sums.addLineTotalAmount(new AmountType(totals.lineTotal()));
        sums.addChargeTotalAmount(new AmountType(totals.chargeTotal()));
        sums.addAllowanceTotalAmount(new AmountType(totals.allowanceTotal()));
        sums.addTaxBasisTotalAmount(new AmountType(totals.taxBasis()));
        AmountType taxTotal = new AmountType(totals.taxTotal());
        taxTotal.setCurrencyID(currency);
        sums.addTaxTotalAmount(taxTotal);
        sums.addGrandTotalAmount(new AmountType(totals.grandTotal()));
        sums.addDuePayableAmount(new AmountType(totals.grandTotal()));
        settlement.setSpecifiedTradeSettlementHeaderMonetarySummation(sums);
        if (invoice.credited() != null) {
            ReferencedDocumentType credited = new ReferencedDocumentType();
            credited.setIssuerAssignedID(new IDType(invoice.credited().number()));
            FormattedDateTimeType date = new FormattedDateTimeType();
            date.setDateTimeString(invoice.credited().issueDate().format(FORMAT_102)).setFormat("102");
            credited.setFormattedIssueDateTime(date);
            settlement.setInvoiceReferencedDocument(credited);
        }
        return settlement;
    }

    private static TradeSettlementPaymentMeansType paymentMeans(ElectronicInvoice.Payment payment) {
        TradeSettlementPaymentMeansType means = new TradeSettlementPaymentMeansType();
        // UNTDID 4461: 58 SEPA credit transfer, 30 credit transfer.
        means.setTypeCode(new PaymentMeansCodeType(payment.iban() != null ? "58" : "30"));
        CreditorFinancialAccountType account = new CreditorFinancialAccountType();
        if (payment.iban() != null) {
            account.setIBANID(new IDType(payment.iban()));
        } else {
            account.setProprietaryID(new IDType(payment.accountNumber()));
        }
        if (payment.accountName() != null) {
            account.setAccountName(new TextType(payment.accountName()));
        }
        means.setPayeePartyCreditorFinancialAccount(account);
        String institution = payment.bic() != null ? payment.bic() : payment.bankCode();
        if (institution != null) {
            CreditorFinancialInstitutionType bank = new CreditorFinancialInstitutionType();
            bank.setBICID(new IDType(institution));
            means.setPayeeSpecifiedCreditorFinancialInstitution(bank);
        }
        return means;
    }

    private static TradeAllowanceChargeType adjustment(ElectronicInvoice invoice, Adjustment adjustment) {
        TradeAllowanceChargeType trade = new TradeAllowanceChargeType();
        IndicatorType indicator = new IndicatorType();
        indicator.setIndicator(adjustment.charge());
        trade.setChargeIndicator(indicator);
        if (adjustment.percent() != null) {
            trade.setCalculationPercent(new PercentType(adjustment.percent()));
            trade.setBasisAmount(new AmountType(adjustment.baseAmount()));
        }
        trade.addActualAmount(new AmountType(adjustment.amount()));
        trade.setReason(new TextType(adjustment.reason()));
        trade.addCategoryTradeTax(categoryTax(invoice.vat()));
        return trade;
    }

    /** TypeCode VAT, the category and (except for O) the rate: what every line and adjustment carries. */
    private static TradeTaxType categoryTax(ElectronicInvoice.Vat vat) {
        TradeTaxType tax = new TradeTaxType();
        tax.setTypeCode(new TaxTypeCodeType("VAT"));
        tax.setCategoryCode(new TaxCategoryCodeType(vat.category()));
        if (vat.hasRate()) {
            tax.setRateApplicablePercent(new PercentType(vat.ratePercent()));
        }
        return tax;
    }

    private static DateTimeType dateTime(LocalDate date) {
        DateTimeType dateTime = new DateTimeType();
        dateTime.setDateTimeString(date.format(FORMAT_102)).setFormat("102");
        return dateTime;
    }
}
