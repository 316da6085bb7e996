package com.billflow.invoice;

import com.billflow.directory.TransmitBy;
import com.billflow.document.einvoice.EInvoiceFormat;
import com.billflow.document.einvoice.EInvoiceValidators;
import com.billflow.directory.ClientService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every invoice and credit note the demo data issues (AUTHORISED on) is a valid e-invoice: its Peppol BIS UBL passes the
 * EN 16931 and Peppol rules, and the Factur-X PDFs of the client on the e-invoice channel and of the credit notes pass
 * Mustang's validation; the demo's transmitted e-invoice is in the outbox. Always on H2 with demo data of its own
 * (its own Spring context: seeding the demo walks some 30 documents through the processes, about a minute).
 */
@SpringBootTest(properties = {
        "billflow.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:billflow-demo-einvoices;DB_CLOSE_DELAY=-1",
        "billflow.mail.embedded.enabled=true",
        "billflow.mail.embedded.port=2701",
        "billflow.mail.embedded.directory=./target/demo-einvoices-mailbox",
        "billflow.einvoice.outbox-directory=./target/demo-peppol-outbox",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=2701",
        // A second engine and context in the test JVM (as ProductionDefaultsTest): its own engine name in Camunda's
        // JVM-wide registry (Camunda ignores a name with a hyphen) and no webapps, so the other tests' REST API and webapps keep finding their own engine.
        "camunda.bpm.process-engine-name=demoeinvoices",
        "camunda.bpm.webapp.enabled=false",
        "camunda.bpm.job-execution.enabled=false"
})
@ActiveProfiles("test")
@DirtiesContext
// The demo is seeded on H2 in any case: the PostgreSQL run (-Ppostgres) would only repeat this test.
@DisabledIfSystemProperty(named = "billflow.test.profile", matches = "postgres")
class DemoElectronicInvoicesTest {

    @Autowired
    InvoiceRepository invoices;
    @Autowired
    ClientService clients;
    @Autowired
    ElectronicInvoices electronicInvoices;
    @Autowired
    PeppolOutbox outbox;

    @Test
    void everyIssuedDemoDocumentIsAValidEInvoice() throws Exception {
        List<Invoice> issued = invoices.findAll().stream()
                .filter(invoice -> invoice.getType() != InvoiceType.PROPOSAL && InvoiceStatus.EXPORTED.contains(invoice.getStatus())).toList();
        assertThat(issued).extracting(Invoice::getType).contains(InvoiceType.PRODUCTION, InvoiceType.CREDIT_NOTE);
        boolean someOnTheEInvoiceChannel = false;
        for (Invoice invoice : issued) {
            boolean creditNote = invoice.getType() == InvoiceType.CREDIT_NOTE;
            byte[] ubl = electronicInvoices.file(invoice.getId(), EInvoiceFormat.UBL).content();
            assertThat(EInvoiceValidators.ublErrors(ubl, creditNote)).as(invoice.describe()).isEmpty();
            boolean einvoiceClient = clients.get(invoice.getClientCode()).getTransmitBy() == TransmitBy.EINVOICE;
            someOnTheEInvoiceChannel |= einvoiceClient;
            if (einvoiceClient || creditNote) {
                byte[] facturX = electronicInvoices.file(invoice.getId(), EInvoiceFormat.FACTURX).content();
                assertThat(EInvoiceValidators.facturXErrors(facturX)).as(invoice.describe()).isEmpty();
            }
            if (einvoiceClient && invoice.getStatus() == InvoiceStatus.TRANSMITTED) {
                assertThat(Files.readAllBytes(outbox.directory().resolve(invoice.getNumber() + ".xml"))).isEqualTo(ubl);
            }
        }
        assertThat(someOnTheEInvoiceChannel).as("the demo has a client on the e-invoice channel").isTrue();
    }
}
