package com.billflow.directory;

import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.billflow.support.ApiCalls.assertBad;
import static com.billflow.support.ApiCalls.post;
import static com.billflow.support.ApiCalls.put;
import static org.assertj.core.api.Assertions.assertThat;

/** Laboratories and clients over REST: administrators write, every signed-in user reads, bad input changes nothing. */
class DirectoryApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;

    String admin;
    String billing;
    String office;

    @BeforeEach
    void users() {
        admin = fixtures.user(Groups.ADMIN);
        billing = fixtures.user(Groups.BILLING);
        office = fixtures.user(Groups.OFFICE_MANAGER);
    }

    @Test
    void anAdministratorCreatesAndChangesALaboratoryThatItsOfficeManagersRead() {
        String code = Fixtures.laboratoryCode();

        // when
        ResponseEntity<JsonNode> created = post(as(admin), "/api/laboratories", laboratoryBody(code));

        // then
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode lab = created.getBody();
        assertThat(lab.get("code").asText()).isEqualTo(code);
        assertThat(lab.get("name").asText()).isEqualTo("Dental Lab " + code);
        assertThat(lab.get("currency").asText()).isEqualTo("EUR");
        assertThat(lab.get("invoiceNumberPattern").asText()).isEqualTo(code + "-I{YY}-{SEQ:4}");
        assertThat(lab.get("creditNoteNumberPattern").asText()).isEqualTo(code + "-C{YY}-{SEQ:4}");
        assertThat(lab.get("proposalNumberPattern").asText()).isEqualTo(code + "-P{YY}{MM}-{SEQ}");
        assertThat(lab.get("emailFrom").asText()).isEqualTo("accounts@lab.example");
        assertThat(lab.get("emailSubjectTemplate").asText()).isEqualTo("Your {documentType} {invoiceNumber}");
        assertThat(lab.get("emailBodyTemplate").asText()).isEqualTo("Dear {clientName},\nplease pay {total} by {dueDate}.");
        assertThat(lab.get("autoAuthorise").asBoolean()).isTrue();
        assertThat(lab.get("autoTransmit").asBoolean()).isFalse();
        assertThat(lab.get("autoBook").asBoolean()).isTrue();
        assertThat(lab.get("autoBookCreditNotes").asBoolean()).isFalse();
        assertThat(lab.get("paymentTermsDays").asInt()).isEqualTo(14);
        assertThat(lab.at("/taxMappings/0/rate").decimalValue()).isEqualByComparingTo("20");
        assertThat(lab.at("/taxMappings/0/xeroTaxType").asText()).isEqualTo("20% (VAT on Income)");
        assertThat(lab.at("/taxMappings/0/quickBooksTaxCode").asText()).isEqualTo("20.0% S");
        assertThat(lab.at("/taxMappings/0/vatCategory").asText()).isEqualTo("S");
        assertThat(lab.at("/taxMappings/1/vatCategory").asText()).isEqualTo("Z");
        assertThat(lab.at("/address/line1").asText()).isEqualTo("Hansaring 61");
        assertThat(lab.at("/address/postalCode").asText()).isEqualTo("50670");
        assertThat(lab.get("taxId").asText()).isEqualTo("DE123456789");
        assertThat(lab.at("/bankDetails/accountHolder").asText()).isEqualTo("Dental Lab GmbH");
        assertThat(lab.at("/bankDetails/iban").asText()).as("stored without spaces").isEqualTo("DE89370400440532013000");
        assertThat(lab.at("/bankDetails/bic").asText()).isEqualTo("COBADEFFXXX");
        assertThat(lab.get("paymentReference").asText()).isEqualTo("RF_CREDITOR_REFERENCE");
        assertThat(lab).hasSize(20);
        assertThat(processEngine.getIdentityService().createTenantQuery().tenantId(code).singleResult().getName()).isEqualTo("Dental Lab " + code);
        assertThat(as(office).getForEntity("/api/laboratories/" + code, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(office).getForEntity("/api/laboratories", JsonNode.class).getBody()).doesNotContain(lab);
        processEngine.getIdentityService().createTenantUserMembership(code, office);
        assertThat(as(office).getForEntity("/api/laboratories/" + code, JsonNode.class).getBody()).isEqualTo(lab);
        assertThat(as(office).getForEntity("/api/laboratories", JsonNode.class).getBody()).contains(lab);
        assertThat(as(admin).getForEntity("/api/laboratories", JsonNode.class).getBody()).contains(lab);

        // when
        ResponseEntity<JsonNode> changed = put(as(admin), "/api/laboratories/" + code, laboratoryBody(code)
                .replace("\"code\":\"" + code + "\",", "").replace("\"EUR\"", "\"CHF\"").replace("\"autoTransmit\":false", "\"autoTransmit\":true"));

        // then
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode read = as(office).getForEntity("/api/laboratories/" + code, JsonNode.class).getBody();
        assertThat(read.get("currency").asText()).isEqualTo("CHF");
        assertThat(read.get("autoTransmit").asBoolean()).isTrue();
        assertThat(read.get("taxMappings")).hasSize(2);
        assertThat(read).isEqualTo(changed.getBody());
    }

    @Test
    void aLaboratoryWithOnlyCodeNameAndCurrencyGetsTheDefaults() {
        String code = Fixtures.laboratoryCode();

        // when
        JsonNode lab = post(as(admin), "/api/laboratories", "{\"code\":\"" + code + "\",\"name\":\"Lab\",\"currency\":\"JPY\"}").getBody();

        // then
        assertThat(lab.get("invoiceNumberPattern").asText()).isEqualTo(code + "-INV-{YYYY}-{SEQ:5}");
        assertThat(lab.get("creditNoteNumberPattern").asText()).isEqualTo(code + "-CN-{YYYY}-{SEQ:5}");
        assertThat(lab.get("proposalNumberPattern").asText()).isEqualTo(code + "-PR-{YYYY}-{SEQ:5}");
        assertThat(lab.get("emailFrom").isNull()).isTrue();
        assertThat(lab.get("emailSubjectTemplate").asText()).isEqualTo("{documentType} {invoiceNumber} from {laboratoryName}");
        assertThat(lab.get("emailBodyTemplate").asText()).contains("{clientName}", "{jobNumber}", "{total}", "{dueDate}", "{laboratoryName}");
        assertThat(lab.get("autoAuthorise").asBoolean()).isFalse();
        assertThat(lab.get("autoTransmit").asBoolean()).isFalse();
        assertThat(lab.get("autoBook").asBoolean()).isFalse();
        assertThat(lab.get("autoBookCreditNotes").asBoolean()).isFalse();
        assertThat(lab.get("paymentTermsDays").asInt()).isEqualTo(30);
    }

    @Test
    void anAdministratorCreatesAndChangesAClientThatEveryoneCanRead() {
        String code = Fixtures.unique("CL").toUpperCase();

        // when
        ResponseEntity<JsonNode> created = post(as(admin), "/api/clients", clientBody(code));

        // then
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode client = created.getBody();
        assertThat(client.get("code").asText()).isEqualTo(code);
        assertThat(client.get("name").asText()).isEqualTo("Smile Clinic " + code);
        assertThat(client.at("/address/line1").asText()).isEqualTo("5 Canal Street");
        assertThat(client.at("/address/postalCode").asText()).isEqualTo("1012 AB");
        assertThat(client.get("invoiceContactEmail").asText()).isEqualTo("ap@clinic.example");
        assertThat(client.get("transmitBy").asText()).isEqualTo("EMAIL");
        assertThat(client.get("taxId").asText()).isEqualTo("NL859048535B01");
        assertThat(client).hasSize(7);
        assertThat(as(office).getForEntity("/api/clients/" + code, JsonNode.class).getBody()).isEqualTo(client);
        assertThat(as(billing).getForEntity("/api/clients", JsonNode.class).getBody()).contains(client);

        // when the client moves to fax and drops its mail address
        ResponseEntity<JsonNode> changed = put(as(admin), "/api/clients/" + code,
                clientBody(code).replace("\"EMAIL\"", "\"FAX\"").replace("\"ap@clinic.example\"", "null"));

        // then
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode read = as(billing).getForEntity("/api/clients/" + code, JsonNode.class).getBody();
        assertThat(read.get("transmitBy").asText()).isEqualTo("FAX");
        assertThat(read.get("invoiceContactEmail").isNull()).isTrue();
        assertThat(read).isEqualTo(changed.getBody());
    }

    @Test
    void readingNeedsSigningInAndWritingNeedsAnAdministrator() {
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.MAIL);
        JsonNode labBefore = as(admin).getForEntity("/api/laboratories/" + lab.getCode(), JsonNode.class).getBody();
        JsonNode clientBefore = as(admin).getForEntity("/api/clients/" + client.getCode(), JsonNode.class).getBody();
        String newLab = Fixtures.unique("LAB").toUpperCase();
        String newClient = Fixtures.unique("CL").toUpperCase();

        assertThat(http.getForEntity("/api/laboratories", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/clients/" + client.getCode(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(http, "/api/laboratories", laboratoryBody(newLab)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(put(http, "/api/clients/" + client.getCode(), clientBody(client.getCode())).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : new String[]{billing, office, fixtures.user(Groups.SALES_REP)}) {
            assertBad(post(as(user), "/api/laboratories", laboratoryBody(newLab)), 403, "groups do not allow");
            assertBad(put(as(user), "/api/laboratories/" + lab.getCode(), laboratoryBody(lab.getCode())), 403, "groups do not allow");
            assertBad(post(as(user), "/api/clients", clientBody(newClient)), 403, "groups do not allow");
            assertBad(put(as(user), "/api/clients/" + client.getCode(), clientBody(client.getCode())), 403, "groups do not allow");
        }

        // then nothing changed; a signed-in user of any group reads clients, and a laboratory's office managers the laboratory
        fixtures.manages(office, lab);
        assertThat(as(office).getForEntity("/api/laboratories/" + lab.getCode(), JsonNode.class).getBody()).isEqualTo(labBefore);
        assertThat(as(billing).getForEntity("/api/laboratories/" + lab.getCode(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(office).getForEntity("/api/clients/" + client.getCode(), JsonNode.class).getBody()).isEqualTo(clientBefore);
        assertThat(as(billing).getForEntity("/api/laboratories/" + newLab, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(billing).getForEntity("/api/clients/" + newClient, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void duplicatesConflictAndUnknownCodesAreNotFound() {
        Laboratory lab = fixtures.laboratory(true, true, true, true);
        Client client = fixtures.client(TransmitBy.EMAIL);
        JsonNode labBefore = as(admin).getForEntity("/api/laboratories/" + lab.getCode(), JsonNode.class).getBody();
        JsonNode clientBefore = as(admin).getForEntity("/api/clients/" + client.getCode(), JsonNode.class).getBody();
        String unknown = Fixtures.unique("NONE").toUpperCase();

        assertBad(post(as(admin), "/api/laboratories", laboratoryBody(lab.getCode())), 409, "Laboratory '" + lab.getCode() + "' already exists");
        assertBad(post(as(admin), "/api/clients", clientBody(client.getCode())), 409, "Client '" + client.getCode() + "' already exists");
        assertBad(as(billing).getForEntity("/api/laboratories/" + unknown, JsonNode.class), 404, "Laboratory '" + unknown + "' does not exist");
        assertBad(as(billing).getForEntity("/api/clients/" + unknown, JsonNode.class), 404, "Client '" + unknown + "' does not exist");
        assertBad(put(as(admin), "/api/laboratories/" + unknown, laboratoryBody(unknown)), 404, "does not exist");
        assertBad(put(as(admin), "/api/clients/" + unknown, clientBody(unknown)), 404, "does not exist");
        assertBad(put(as(admin), "/api/laboratories/" + lab.getCode(), laboratoryBody(unknown)), 400, "cannot change");
        assertBad(put(as(admin), "/api/clients/" + client.getCode(), clientBody(unknown)), 400, "cannot change");

        assertThat(as(admin).getForEntity("/api/laboratories/" + lab.getCode(), JsonNode.class).getBody()).isEqualTo(labBefore);
        assertThat(as(admin).getForEntity("/api/clients/" + client.getCode(), JsonNode.class).getBody()).isEqualTo(clientBefore);
        assertThat(as(admin).getForEntity("/api/laboratories/" + unknown, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(admin).getForEntity("/api/clients/" + unknown, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badLaboratoryInputGetsAClearFourHundredAndWritesNothing() {
        String code = Fixtures.laboratoryCode();
        String good = laboratoryBody(code);

        assertBad(post(as(admin), "/api/laboratories", good.replace("\"EUR\"", "\"XXY\"")), 400, "currency: is not an ISO 4217");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"EUR\"", "\"eur\"")), 400, "currency: is not an ISO 4217");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"currency\":\"EUR\",", "")), 400, "currency: must not be blank");
        assertBad(post(as(admin), "/api/laboratories", good.replace("-I{YY}-{SEQ:4}", "-I{YY}")), 400,
                "invoiceNumberPattern: Numbering pattern '" + code + "-I{YY}' must contain {SEQ}");
        assertBad(post(as(admin), "/api/laboratories", good.replace("-C{YY}-{SEQ:4}", "-C{SEQ}-{SEQ}")), 400, "creditNoteNumberPattern: Numbering pattern");
        assertBad(post(as(admin), "/api/laboratories", good.replace("-P{YY}{MM}-{SEQ}", "-P" + "X".repeat(40) + "{SEQ}")), 400, "proposalNumberPattern: Numbering pattern");
        assertBad(post(as(admin), "/api/laboratories", good.replace("-C{YY}-{SEQ:4}", "-I{YY}-{SEQ:4}")), 400,
                "creditNoteNumberPattern of laboratory " + code + " '" + code + "-I{YY}-{SEQ:4}' could give the same numbers as invoiceNumberPattern of laboratory " + code);
        assertBad(post(as(admin), "/api/laboratories", good.replace("Your {documentType}", "Your {foo}")), 400, "emailSubjectTemplate: unknown placeholder {foo}");
        assertBad(post(as(admin), "/api/laboratories", good.replace("by {dueDate}", "by {due_date}")), 400, "emailBodyTemplate: unknown placeholder {due_date}");
        assertBad(post(as(admin), "/api/laboratories", good.replace("Your {documentType}", "Your\\r\\nBcc: x@evil.example")), 400, "emailSubjectTemplate: must be one line");
        assertBad(post(as(admin), "/api/laboratories", good.replace("please pay", "\\u0007please pay")), 400, "emailBodyTemplate: must not contain control characters");
        assertBad(post(as(admin), "/api/laboratories", good.replace("please pay", "x".repeat(4001))), 400, "emailBodyTemplate: size must be between 0 and 4000");
        assertBad(post(as(admin), "/api/laboratories", good.replace("accounts@lab.example", "accounts.lab.example")), 400, "emailFrom: must be a well-formed email address");
        assertBad(post(as(admin), "/api/laboratories", good.replace("Dental Lab " + code, "x".repeat(201))), 400, "name: size must be between 0 and 200");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"paymentTermsDays\":14", "\"paymentTermsDays\":366")), 400, "paymentTermsDays: must be less than or equal to 365");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"paymentTermsDays\":14", "\"paymentTermsDays\":\"soon\"")), 400, "paymentTermsDays: 'soon'");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"autoBook\":true", "\"autoBook\":\"maybe\"")), 400, "autoBook: wrong type of value, expected true or false");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"autoBook\"", "\"autoBooking\"")), 400, "Unknown field 'autoBooking'");
        assertBad(post(as(admin), "/api/laboratories", good.replace(code, "lower-case")), 400, "code: must be 1-32 upper-case");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"code\":\"" + code + "\",", "")), 400, "code is required");
        assertBad(post(as(admin), "/api/laboratories", "{not json"), 400, "not valid JSON");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"rate\":0,", "\"rate\":20,")), 400, "rate 20 is listed twice");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"rate\":0,", "\"rate\":5,")), 400, "rate 5 does not fit VAT category Z");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"vatCategory\":\"S\"", "\"vatCategory\":\"X\"")), 400,
                "taxMappings[0].vatCategory: must be an EN 16931 VAT category");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"rate\":20,", "\"rate\":120,")), 400, "taxMappings[0].rate");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"rate\":20,", "")), 400, "taxMappings[0].rate: must not be null");
        assertBad(post(as(admin), "/api/laboratories", good.replace("20.0% S", "x".repeat(101))), 400, "taxMappings[0].quickBooksTaxCode: size must be");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"rate\":20,", "\"rate\":\"high\",")), 400, "rate");
        assertThat(as(admin).getForEntity("/api/laboratories/" + code, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // a code so long that the default invoice pattern would not fit in 40 characters asks for a pattern
        String longCode = (code + "-" + "9".repeat(32)).substring(0, 32);
        assertBad(post(as(admin), "/api/laboratories", "{\"code\":\"" + longCode + "\",\"name\":\"Lab\",\"currency\":\"EUR\"}"), 400,
                "set invoiceNumberPattern yourself");
        assertThat(as(admin).getForEntity("/api/laboratories/" + longCode, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // and a refused change leaves the laboratory as it was
        JsonNode before = post(as(admin), "/api/laboratories", good).getBody();
        assertBad(put(as(admin), "/api/laboratories/" + code, good.replace("\"EUR\"", "\"ABC\"").replace("Dental Lab", "Renamed Lab")), 400, "ISO 4217");
        assertBad(put(as(admin), "/api/laboratories/" + code, good.replace("Your {documentType}", "{foo}").replace("\"autoAuthorise\":true", "\"autoAuthorise\":false")),
                400, "unknown placeholder {foo}");
        assertThat(as(admin).getForEntity("/api/laboratories/" + code, JsonNode.class).getBody()).isEqualTo(before);
    }

    @Test
    void badClientInputGetsAClearFourHundredAndWritesNothing() {
        String code = Fixtures.unique("CL").toUpperCase();
        String good = clientBody(code);

        assertBad(post(as(admin), "/api/clients", good.replace("\"ap@clinic.example\"", "null")), 400, "invoiceContactEmail is required when transmitBy is EMAIL");
        assertBad(post(as(admin), "/api/clients", good.replace("\"ap@clinic.example\"", "\"\"")), 400, "invoiceContactEmail is required when transmitBy is EMAIL");
        assertBad(post(as(admin), "/api/clients", good.replace("\"EMAIL\"", "\"PIGEON\"")), 400, "transmitBy: 'PIGEON' is not one of EMAIL, MAIL, FAX");
        assertBad(post(as(admin), "/api/clients", good.replace("\"EMAIL\"", "\"email\"")), 400, "transmitBy: 'email' is not one of EMAIL, MAIL, FAX");
        assertBad(post(as(admin), "/api/clients", good.replace(",\"transmitBy\":\"EMAIL\"", "")), 400, "transmitBy: is required: EMAIL, MAIL, FAX or EINVOICE");
        assertBad(post(as(admin), "/api/clients", good.replace("\"EMAIL\"", "\"EINVOICE\"")), 400, "einvoice is required when transmitBy is EINVOICE");
        String einvoice = ",\"einvoice\":{\"peppolScheme\":\"0088\",\"peppolId\":\"4012345000008\",\"format\":\"UBL\",\"delivery\":\"OUTBOX\"}";
        assertBad(post(as(admin), "/api/clients", good.replace("\"EMAIL\"", "\"EINVOICE\"" + einvoice)), 400, "is not a GLN (scheme 0088)");
        assertBad(post(as(admin), "/api/clients", good.replace("\"EMAIL\"", "\"EMAIL\"" + einvoice.replace("08\"", "09\""))), 400,
                "einvoice is only for transmitBy EINVOICE");
        assertBad(post(as(admin), "/api/clients", good.replace("ap@clinic.example", "ap@@clinic")), 400, "invoiceContactEmail: must be a well-formed email address");
        assertBad(post(as(admin), "/api/clients", good.replace("Smile Clinic " + code, "x".repeat(201))), 400, "name: size must be between 0 and 200");
        assertBad(post(as(admin), "/api/clients", good.replace("1012 AB", "1".repeat(21))), 400, "address.postalCode: size must be between 0 and 20");
        assertBad(post(as(admin), "/api/clients", good.replace("\"line1\"", "\"street\"")), 400, "Unknown field 'street'");
        assertBad(post(as(admin), "/api/clients", good.replace("\"invoiceContactEmail\"", "\"email\"")), 400, "Unknown field 'email'");
        assertThat(as(admin).getForEntity("/api/clients/" + code, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // and a refused change leaves the client as it was
        JsonNode before = post(as(admin), "/api/clients", good).getBody();
        assertBad(put(as(admin), "/api/clients/" + code, good.replace("\"ap@clinic.example\"", "null").replace("Smile Clinic", "Renamed")), 400,
                "invoiceContactEmail is required");
        assertBad(put(as(admin), "/api/clients/" + code, good.replace("\"EMAIL\"", "\"TELEX\"")), 400, "'TELEX' is not one of");
        assertThat(as(admin).getForEntity("/api/clients/" + code, JsonNode.class).getBody()).isEqualTo(before);
    }

    @Test
    void bankDetailsAndTaxIdsAreCheckedWhenALaboratoryOrClientIsSaved() {
        String code = Fixtures.laboratoryCode();
        String good = laboratoryBody(code);

        assertBad(post(as(admin), "/api/laboratories", good.replace("DE89 3704", "DE88 3704")), 400, "bankDetails.iban 'DE88 3704 0044 0532 0130 00' is not a valid IBAN");
        assertBad(post(as(admin), "/api/laboratories", good.replace("DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130")), 400, "is not a valid IBAN");
        assertBad(post(as(admin), "/api/laboratories", good.replace("DE89 3704 0044 0532 0130 00", "XX89370400440532013000")), 400, "is not a valid IBAN");
        assertBad(post(as(admin), "/api/laboratories", good.replace("COBADEFFXXX", "COBA1EFF")), 400, "bankDetails.bic 'COBA1EFF' is not a valid BIC");
        assertBad(post(as(admin), "/api/laboratories", good.replace("COBADEFFXXX", "COBADEF")), 400, "is not a valid BIC");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"accountHolder\":\"Dental Lab GmbH\",", "")), 400, "bankDetails.accountHolder is required");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"bic\":\"COBADEFFXXX\"", "\"bic\":\"COBADEFFXXX\",\"accountNumber\":\"12345678\"")),
                400, "not both");
        assertBad(post(as(admin), "/api/laboratories", good.replace("\"DE89 3704 0044 0532 0130 00\"", "null")), 400, "bankDetails.bic needs bankDetails.iban");
        assertBad(post(as(admin), "/api/laboratories", good.replace("DE123456789", "DE12345")), 400, "taxId 'DE12345' is not a German VAT id");
        assertBad(post(as(admin), "/api/laboratories", good.replace("DE123456789", "DE 123;456")), 400, "taxId: must be letters and digits");
        assertBad(post(as(admin), "/api/laboratories", good.replace("RF_CREDITOR_REFERENCE", "RF")), 400, "paymentReference");
        assertThat(as(admin).getForEntity("/api/laboratories/" + code, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // and an account number with a bank code (a domestic account) is taken as given
        JsonNode domestic = post(as(admin), "/api/laboratories", good.replace(
                "\"iban\":\"DE89 3704 0044 0532 0130 00\",\"bic\":\"COBADEFFXXX\"", "\"accountNumber\":\"0532013000\",\"bankCode\":\"37040044\"")).getBody();
        assertThat(domestic.at("/bankDetails/accountNumber").asText()).isEqualTo("0532013000");
        assertThat(domestic.at("/bankDetails/iban").isNull()).isTrue();
        String client = Fixtures.unique("CL").toUpperCase();
        assertBad(post(as(admin), "/api/clients", clientBody(client).replace("NL859048535B01", "x".repeat(31))), 400, "taxId: size must be between 0 and 30");
    }

    private static String laboratoryBody(String code) {
        return """
                {"code":"%s","name":"Dental Lab %s","currency":"EUR",
                 "invoiceNumberPattern":"%s-I{YY}-{SEQ:4}","creditNoteNumberPattern":"%s-C{YY}-{SEQ:4}","proposalNumberPattern":"%s-P{YY}{MM}-{SEQ}",
                 "emailFrom":"accounts@lab.example","emailSubjectTemplate":"Your {documentType} {invoiceNumber}",
                 "emailBodyTemplate":"Dear {clientName},\\nplease pay {total} by {dueDate}.",
                 "autoAuthorise":true,"autoTransmit":false,"autoBook":true,"autoBookCreditNotes":false,"paymentTermsDays":14,
                 "taxMappings":[{"rate":20,"xeroTaxType":"20%% (VAT on Income)","quickBooksTaxCode":"20.0%% S","vatCategory":"S"},
                                {"rate":0,"xeroTaxType":"Zero Rated Income","quickBooksTaxCode":"0.0%% Z","vatCategory":"Z"}],
                 "address":{"line1":"Hansaring 61","city":"Köln","postalCode":"50670","country":"Germany"},
                 "taxId":"DE123456789",
                 "bankDetails":{"accountHolder":"Dental Lab GmbH","iban":"DE89 3704 0044 0532 0130 00","bic":"COBADEFFXXX"},
                 "paymentReference":"RF_CREDITOR_REFERENCE"}
                """.formatted(code, code, code, code, code);
    }

    private static String clientBody(String code) {
        return """
                {"code":"%s","name":"Smile Clinic %s",
                 "address":{"line1":"5 Canal Street","line2":null,"city":"Amsterdam","region":null,"postalCode":"1012 AB","country":"Netherlands"},
                 "invoiceContactEmail":"ap@clinic.example","transmitBy":"EMAIL","taxId":"NL859048535B01"}
                """.formatted(code, code);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, Fixtures.PASSWORD);
    }
}
