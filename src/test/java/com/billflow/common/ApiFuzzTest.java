package com.billflow.common;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.support.RawHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input for every /api route Spring knows (read from RequestMappingHandlerMapping,
 * so a new route is covered without touching this test): bad ids, wrong types, huge and negative
 * numbers, long text, NUL, lone surrogates, RTL marks, emoji, missing fields, bad Content-Type and
 * Accept. SPEC §7: never a 5xx, every 4xx is exactly {"error", "message"}, and a refused request
 * changes no row (domain tables and Camunda's runtime tables). Fixed seed: a failure reproduces.
 */
class ApiFuzzTest extends IntegrationTest {

    private static final long SEED = 20261129L;
    private static final int REQUESTS_PER_ROUTE = 20;
    private static final List<String> COUNTED_TABLES = List.of("facility", "facility_billing_contact", "surgical_case",
            "surgical_case_line", "surgical_case_po", "pending_po_summary", "document", "outbound_mail", "laboratory", "client", "invoice", "invoice_line",
            "invoice_history", "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_INCIDENT");
    private static final String[] NASTY_TEXT = {"", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00y", "\u202eRTL\u200f", "😀🇩🇪",
            "x".repeat(5000), "-1", "null", "<script>", "'; drop table invoice; --", "\r\nX-Injected: 1", "\t", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"};
    private static final String[] PATH_VALUES = {"0", "-1", "9223372036854775808", "99999999999999999999", "abc", "1.5", "%F0%9F%98%80",
            "%E2%80%AE", "%ED%A0%80", "%C3%28", "x".repeat(3000), "%20", "null", "2147483647"};
    private static final String[] QUERY_VALUES = {"", "-1", "0", "2147483647", "99999999999999999999", "abc", "2026-01-01",
            "-999999999-01-01", "+999999999-12-31", "xero", "quickbooks", "%00", "%ED%A0%80", "DRAFT", "PROPOSAL", "x".repeat(3000)};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json", "*/*", "text/plain",
            "application/xml", "application/json; charset=ISO-8859-1", "garbage", null, "multipart/form-data; boundary=x"};
    private static final String[] ACCEPTS = {"application/json", "*/*", null, null, "application/json", "*/*", null,
            "application/xml", "text/html", "application/pdf", "text/csv", "garbage/"};

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final Random random = new Random(SEED);
    private final Map<String, String> known = new LinkedHashMap<>();

    @Test
    void noInputGivesA5xxAndEveryRefusalIsTheContract() {
        // given data for the ids and codes to point at, and an administrator who may call everything
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.EMAIL);
        known.put("facilityCode", fixtures.facility(false).getCode());
        known.put("laboratoryCode", lab.getCode());
        known.put("clientCode", client.getCode());
        known.put("id", String.valueOf(fixtures.newInvoice(lab, client)));
        known.put("caseId", String.valueOf(fixtures.submittedCase(false).getId()));
        String admin = RawHttp.basic(fixtures.user(Groups.ADMIN, Groups.BILLING, Groups.OFFICE_MANAGER, Groups.SALES_REP), Fixtures.PASSWORD);
        RawHttp http = new RawHttp(port);
        List<String> failures = new ArrayList<>();
        int routes = 0;
        int sent = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();

        // when every /api route gets generated bad requests
        for (Map.Entry<RequestMappingInfo, HandlerMethod> route : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : route.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api")) {
                    continue;
                }
                routes++;
                Set<RequestMethod> methods = route.getKey().getMethodsCondition().getMethods();
                String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
                for (int i = 0; i < REQUESTS_PER_ROUTE; i++) {
                    String target = path(pattern) + query(route.getValue());
                    String body = body(route.getValue());
                    String contentType = body == null ? null : pick(CONTENT_TYPES);
                    String accept = pick(ACCEPTS);
                    String credentials = random.nextInt(10) == 0 ? RawHttp.basic("nobody\u0000", "x") : admin;
                    List<String> headers = new ArrayList<>(List.of("Authorization", credentials));
                    if (contentType != null) {
                        headers.addAll(List.of("Content-Type", contentType));
                    }
                    if (accept != null) {
                        headers.addAll(List.of("Accept", accept));
                    }
                    Map<String, Long> before = counts();
                    RawHttp.Answer answer = http.send(method, target, body, headers.toArray(String[]::new));
                    sent++;
                    statuses.merge(answer.status(), 1, Integer::sum);
                    String request = method + " " + abbreviate(target) + " CT=" + contentType + " A=" + accept + " " + abbreviate(body);
                    check(answer, before, request, failures);
                }
            }
        }

        // then
        assertThat(routes).as("/api routes found").isGreaterThan(20);
        assertThat(sent).isGreaterThan(300);
        System.out.println("ApiFuzzTest: " + sent + " requests on " + routes + " routes, answers by status " + statuses);
        // the generator reaches both sides: accepted requests and each kind of refusal
        assertThat(statuses.keySet()).contains(400, 401, 404, 415).anyMatch(status -> status < 300);
        assertThat(failures).as("requests that broke SPEC §7").isEmpty();
    }

    private void check(RawHttp.Answer answer, Map<String, Long> before, String request, List<String> failures) {
        if (answer.status() >= 500) {
            failures.add(answer.status() + " for " + request + " -> " + abbreviate(answer.text()));
            return;
        }
        if (answer.status() >= 400) {
            try {
                answer.assertContract();
            } catch (AssertionError e) {
                failures.add("not the contract for " + request + " -> " + answer.status() + " " + abbreviate(answer.text()));
            }
            Map<String, Long> after = counts();
            if (!after.equals(before)) {
                failures.add("half-written by refused " + request + ": " + before + " -> " + after);
            }
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED_TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private String path(String pattern) {
        StringBuilder path = new StringBuilder();
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.indexOf('}'));
                int roll = random.nextInt(4);
                path.append(roll == 0 ? known.getOrDefault(name.equals("id") && pattern.contains("surgical") ? "caseId" : name, "1")
                        : roll == 1 && name.equals("action") ? pick(new String[]{"draft", "release", "cancel", "credit", "merge", "DRAFT"})
                        : pick(PATH_VALUES)).append(segment.substring(segment.indexOf('}') + 1));
            } else {
                path.append(segment);
            }
        }
        return path.toString();
    }

    private String query(HandlerMethod handler) {
        StringBuilder query = new StringBuilder();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && random.nextBoolean()) {
                String name = param.name().isEmpty() ? param.value().isEmpty() ? parameter.getParameterName() : param.value() : param.name();
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(pick(QUERY_VALUES));
            }
        }
        return query.toString();
    }

    private String body(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                int roll = random.nextInt(12);
                if (roll == 0) {
                    return pick(new String[]{"", "{", "[]", "null", "\"text\"", "{\"a\":", "1e999999", "{}{}", "\u0000"});
                }
                JsonNode sample = sample(ResolvableType.forMethodParameter(parameter), "", 0);
                return mutate(sample, 1 + random.nextInt(3)).toString();
            }
        }
        return random.nextInt(5) == 0 ? "{\"unexpected\":true}" : null;
    }

    /** A plausible value of {@code type}: what a correct client would send, before it is spoiled. */
    private JsonNode sample(ResolvableType type, String name, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Class<?> raw = type.resolve(Object.class);
        if (known.containsKey(name)) {
            return nodes.textNode(known.get(name));
        }
        if (raw == String.class) {
            return nodes.textNode(name.equals("currency") ? "EUR" : name.toLowerCase().contains("email") ? "a@b.example" : "A-1");
        }
        if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            return nodes.numberNode(name.equals("invoiceIds") ? Long.parseLong(known.get("id")) : 1);
        }
        if (raw == BigDecimal.class) {
            return nodes.numberNode(new BigDecimal("1.50"));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return nodes.booleanNode(true);
        }
        if (raw == LocalDate.class) {
            return nodes.textNode("2026-03-01");
        }
        if (raw.isEnum()) {
            return nodes.textNode(((Enum<?>) raw.getEnumConstants()[0]).name());
        }
        if (List.class.isAssignableFrom(raw) && depth < 3) {
            ArrayNode array = nodes.arrayNode();
            array.add(sample(type.getGeneric(0), name, depth + 1));
            return array;
        }
        if (Map.class.isAssignableFrom(raw) && depth < 3) {
            ObjectNode map = nodes.objectNode();
            map.set("Acme", sample(type.getGeneric(1), "", depth + 1));
            return map;
        }
        if (raw.isRecord() && depth < 3) {
            ObjectNode object = nodes.objectNode();
            for (var component : raw.getRecordComponents()) {
                object.set(component.getName(), sample(ResolvableType.forType(component.getGenericType()), component.getName(), depth + 1));
            }
            return object;
        }
        return nodes.textNode("x");
    }

    /** Spoils {@code times} fields of the sample: a wrong type, an extreme number, nasty text, null, or nothing at all. */
    private JsonNode mutate(JsonNode sample, int times) {
        if (!(sample instanceof ObjectNode root) || root.isEmpty()) {
            return sample;
        }
        for (int t = 0; t < times; t++) {
            ObjectNode target = root;
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                break;
            }
            String field = names.get(random.nextInt(names.size()));
            if (target.get(field) instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode nested && !nested.isEmpty() && random.nextBoolean()) {
                target = nested;
                names.clear();
                target.fieldNames().forEachRemaining(names::add);
                field = names.get(random.nextInt(names.size()));
            }
            switch (random.nextInt(9)) {
                case 0 -> target.remove(field);
                case 1 -> target.putNull(field);
                case 2 -> target.put(field, pick(NASTY_TEXT));
                case 3 -> target.put(field, new BigDecimal(pick(new String[]{"-1", "0", "1e400", "-1e-400", "99999999999999999999999", "2147483648", "0.0001"})));
                case 4 -> target.put(field, random.nextBoolean());
                case 5 -> target.putArray(field).add(pick(NASTY_TEXT)).addNull();
                case 6 -> target.putObject(field).put("x", 1);
                case 7 -> target.put(field, pick(new String[]{"+999999999-12-31", "-999999999-01-01", "2026-02-30", "1899-12-31", "XXX", "XAU"}));
                default -> target.put(field, pick(NASTY_TEXT) + "x".repeat(random.nextInt(300)));
            }
        }
        return root;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

}
