package com.billflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON calls of {@code /api/**} as a client sends them, and the check that a refusal says what to fix. */
public final class ApiCalls {

    private ApiCalls() {
    }

    public static ResponseEntity<JsonNode> post(TestRestTemplate client, String path, String json) {
        return client.exchange(path, HttpMethod.POST, jsonEntity(json), JsonNode.class);
    }

    public static ResponseEntity<JsonNode> put(TestRestTemplate client, String path, String json) {
        return client.exchange(path, HttpMethod.PUT, jsonEntity(json), JsonNode.class);
    }

    /** The status, an error code, and a message containing {@code messagePart} (SPEC §7). */
    public static void assertBad(ResponseEntity<JsonNode> response, int status, String messagePart) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getBody().get("error").asText()).isNotBlank();
        assertThat(response.getBody().get("message").asText()).contains(messagePart);
    }

    private static HttpEntity<String> jsonEntity(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }
}
