/**
 * EN 16931 electronic invoices from an {@link com.billflow.document.einvoice.ElectronicInvoice}: the CII XML
 * (UN/CEFACT D16B, ph-cii), the Peppol BIS Billing 3.0 UBL 2.1 converted from it (en16931-cii2ubl, ph-ubl) and
 * the Factur-X PDF/A-3 that embeds the CII (Mustang). Plain Java, no Camunda.
 */
package com.billflow.document.einvoice;
