package com.billflow.apidocs;

import com.billflow.invoice.InvoiceAction;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at {@code /v3/api-docs} as a client reads it: every {@code /api} route the
 * application really maps (read from Spring MVC, not from a list kept by hand) is in it with its
 * method, the error body and HTTP Basic are declared and used, and the limits are in the schemas.
 */
class OpenApiDocumentTest extends IntegrationTest {

    private static final Set<String> TAGS = Set.of(ApiTags.SURGICAL_CASES, ApiTags.DASHBOARD, ApiTags.INVOICES, ApiTags.DIRECTORY, ApiTags.EXPORTS,
            ApiTags.SIGNED_IN_USER);

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    String rep;
    JsonNode document;

    @BeforeEach
    void readTheDocument() {
        // Any signed-in user may read it; a sales rep has the fewest rights.
        rep = fixtures.user(Groups.SALES_REP);
        ResponseEntity<JsonNode> response = http.withBasicAuth(rep, Fixtures.PASSWORD).getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        document = response.getBody();
    }

    @Test
    void everyApiRouteIsDescribedWithItsMethodAndNothingElse() {
        // given: what Spring MVC maps under /api
        Set<String> mapped = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            for (String path : paths(info)) {
                if (path.equals("/api") || path.startsWith("/api/")) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    assertThat(methods).as("%s names its HTTP methods", handler).isNotEmpty();
                    methods.forEach(method -> mapped.add(method.name() + " " + path));
                }
            }
        });
        assertThat(mapped).as("the routes found").hasSizeGreaterThan(25).contains("POST /api/surgical-cases", "GET /api/dashboard/pending-po");

        // then: each is an operation of the document, and the document has no other
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(documented).isEqualTo(mapped);
    }

    @Test
    void theErrorBodyAndHttpBasicAreDeclaredAndEveryOperationUsesThem() {
        JsonNode error = document.at("/components/schemas/ApiError");
        assertThat(error.at("/type").asText()).isEqualTo("object");
        assertThat(error.at("/required").toString()).isEqualTo("[\"error\",\"message\"]");
        assertThat(error.at("/properties/error/type").asText()).isEqualTo("string");
        assertThat(error.at("/properties/message/type").asText()).isEqualTo("string");
        JsonNode basic = document.at("/components/securitySchemes/basicAuth");
        assertThat(basic.get("type").asText()).isEqualTo("http");
        assertThat(basic.get("scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/security/0").has("basicAuth")).isTrue();

        for (JsonNode operation : operations()) {
            String name = operation.get("operationId").asText();
            assertThat(operation.get("tags")).as(name).hasSize(1);
            assertThat(TAGS).as(name).contains(operation.at("/tags/0").asText());
            assertThat(operation.get("summary")).as(name + " has a summary").isNotNull();
            assertThat(operation.get("description").asText()).as(name).contains("**Groups:**");
            assertThat(names(operation.get("responses")).stream().filter(code -> code.startsWith("2"))).as(name + " answers once on success").hasSize(1);
            assertThat(errorSchema(operation, "401")).as(name).isEqualTo("#/components/schemas/ApiError");
            if (operation.has("requestBody")) {
                assertThat(errorSchema(operation, "400")).as(name).isEqualTo("#/components/schemas/ApiError");
                assertThat(errorSchema(operation, "415")).as(name).isEqualTo("#/components/schemas/ApiError");
            }
            operation.get("responses").properties().stream().filter(response -> response.getKey().startsWith("4"))
                    .forEach(response -> assertThat(errorSchema(operation, response.getKey())).as(name + " " + response.getKey())
                            .isEqualTo("#/components/schemas/ApiError"));
        }
    }

    @Test
    void eachOperationSaysWhichGroupsMayCallItAndWhatItCanAnswer() {
        JsonNode createFacility = document.at("/paths/~1api~1facilities/post");
        assertThat(createFacility.get("description").asText()).contains("**Groups:** `camunda-admin`.");
        assertThat(names(createFacility.get("responses"))).contains("201", "400", "401", "403", "409", "415");
        assertThat(document.at("/paths/~1api~1facilities/get/description").asText()).contains("**Groups:** any signed-in user.");
        assertThat(names(document.at("/paths/~1api~1facilities/get/responses"))).containsExactlyInAnyOrder("200", "401");

        JsonNode email = document.at("/paths/~1api~1surgical-cases~1{id}~1invoice~1email/post");
        assertThat(email.get("description").asText()).contains("`billing`, `camunda-admin`");
        assertThat(names(email.get("responses"))).contains("200", "400", "401", "403", "404", "409", "415");
        assertThat(names(document.at("/paths/~1api~1surgical-cases/post/responses"))).contains("201").doesNotContain("200");
        assertThat(document.at("/paths/~1api~1surgical-cases~1{id}~1invoice.pdf/get/responses/200/content").has("application/pdf")).isTrue();
        assertThat(document.at("/paths/~1api~1surgical-cases~1{id}~1invoice.pdf/get/responses/409/description").asText()).contains("no invoice");
        assertThat(document.at("/paths/~1api~1invoices~1{id}.csv/get/description").asText()).contains("**Groups:** `camunda-admin`.");
        assertThat(document.at("/paths/~1api~1invoices~1{id}/get/description").asText()).contains("`office-manager`, `camunda-admin`");
    }

    @Test
    void theLimitsAreInTheSchemas() {
        // page size
        assertThat(queryParameter("/api/dashboard/pending-po", "size").at("/schema/maximum").asInt()).isEqualTo(100);
        assertThat(queryParameter("/api/invoices", "size").at("/schema/maximum").asInt()).isEqualTo(100);
        assertThat(queryParameter("/api/invoices", "size").at("/schema/minimum").asInt()).isEqualTo(1);

        // a case: at most 200 lines, each with bounded texts and a positive quantity
        JsonNode submit = schema("SubmitCaseRequest");
        assertThat(submit.at("/properties/lines/maxItems").asInt()).isEqualTo(200);
        assertThat(submit.at("/properties/surgeon/maxLength").asInt()).isEqualTo(200);
        assertThat(submit.at("/properties/lines/items/$ref").asText()).isEqualTo("#/components/schemas/CaseLineRequest");
        JsonNode caseLine = schema("CaseLineRequest");
        assertThat(caseLine.at("/properties/description/maxLength").asInt()).isEqualTo(500);
        assertThat(caseLine.at("/properties/quantity/exclusiveMinimum").asInt()).isZero();
        assertThat(caseLine.at("/properties/quantity/description").asText()).contains("At most 9 digits before the decimal point and 4 after");
        assertThat(caseLine.at("/properties/unitPrice/minimum").asInt()).isZero();

        // an invoice line
        JsonNode line = schema("LineRequest");
        assertThat(line.at("/properties/description/maxLength").asInt()).isEqualTo(500);
        assertThat(line.at("/properties/percent/exclusiveMinimum").asInt()).isZero();
        assertThat(line.at("/properties/percent/maximum").asInt()).isEqualTo(100);

        // directory and texts checked in code
        assertThat(schema("FacilityRequest").at("/properties/billingContacts/maxItems").asInt()).isEqualTo(20);
        assertThat(schema("LaboratoryRequest").at("/properties/emailBodyTemplate/maxLength").asInt()).isEqualTo(4000);
        assertThat(schema("ClientRequest").at("/properties/name/maxLength").asInt()).isEqualTo(200);
        assertThat(schema("EmailRequest").at("/properties/body/maxLength").asInt()).isEqualTo(10_000);
        assertThat(schema("EmailRequest").at("/properties/subject/maxLength").asInt()).isEqualTo(200);
        assertThat(schema("ActionRequest").at("/properties/reason/maxLength").asInt()).isEqualTo(1000);
        assertThat(schema("PurchaseOrdersRequest").at("/properties/allManufacturers/maxLength").asInt()).isEqualTo(64);
        assertThat(schema("PurchaseOrdersRequest").at("/properties/byManufacturer/maxProperties").asInt()).isEqualTo(50);
    }

    @Test
    void theActionsOfferedAreTheActionsAccepted() {
        JsonNode action = pathParameter("/api/invoices/{id}/{action}", "action");
        List<String> offered = new ArrayList<>();
        action.at("/schema/enum").forEach(value -> offered.add(value.asText()));
        assertThat(offered).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(InvoiceAction.values()).filter(InvoiceAction::isNamedAction).map(InvoiceAction::path).toList());
    }

    @Test
    void theDocumentAndSwaggerUiNeedASignedInUser() {
        HttpHeaders json = new HttpHeaders();
        json.setAccept(List.of(MediaType.APPLICATION_JSON));
        assertThat(http.exchange("/v3/api-docs", HttpMethod.GET, new HttpEntity<>(json), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // another user: a wrong password delays that user's next sign-in
        assertThat(http.withBasicAuth(fixtures.user(Groups.BILLING), "wrong").getForEntity("/v3/api-docs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> ui = http.withBasicAuth(rep, Fixtures.PASSWORD).getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("Swagger UI");
        ResponseEntity<JsonNode> config = http.withBasicAuth(rep, Fixtures.PASSWORD).getForEntity("/v3/api-docs/swagger-config", JsonNode.class);
        assertThat(config.getBody().get("url").asText()).isEqualTo("/v3/api-docs");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        document.get("paths").forEach(path -> path.forEach(operations::add));
        return operations;
    }

    private static String errorSchema(JsonNode operation, String status) {
        return operation.at("/responses/" + status + "/content/application~1json/schema/$ref").asText();
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        return schema;
    }

    private JsonNode queryParameter(String path, String name) {
        return parameter(document.at("/paths/" + path.replace("/", "~1") + "/get/parameters"), "query", name);
    }

    private JsonNode pathParameter(String path, String name) {
        return parameter(document.at("/paths/" + path.replace("/", "~1") + "/post/parameters"), "path", name);
    }

    private static JsonNode parameter(JsonNode parameters, String in, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.get("in").asText().equals(in) && parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no " + in + " parameter " + name + " in " + parameters);
    }

    private static Set<String> paths(RequestMappingInfo info) {
        return info.getPatternValues();
    }
}
