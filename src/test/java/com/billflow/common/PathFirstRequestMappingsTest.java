package com.billflow.common;

import com.billflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The path-first handler mapping finds what Spring's own would, for every mapping of the app. */
class PathFirstRequestMappingsTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyMappingMatchesExactlyWhenSpringsWouldForEachRequest() {
        // given
        assertThat(mapping).isInstanceOf(PathFirstRequestMappings.Mapping.class);
        PathFirstRequestMappings.Mapping pathFirst = (PathFirstRequestMappings.Mapping) mapping;
        List<MockHttpServletRequest> requests = List.of(
                request("GET", "/api/surgical-cases/42", "application/json", null),
                request("PUT", "/api/surgical-cases/42/purchase-orders", "application/json", "application/json"),
                request("POST", "/api/surgical-cases", "*/*", "application/json"),
                request("DELETE", "/api/surgical-cases/42", "application/json", null),
                request("GET", "/api/surgical-cases/42/invoice.pdf", "application/pdf", null),
                request("GET", "/api/surgical-cases/42", "text/csv", null),
                request("HEAD", "/api/dashboard/pending-po", "application/json", null),
                request("GET", "/console/cases", "text/html", null),
                request("GET", "/nowhere/at/all", "*/*", null));
        requests.get(0).addHeader("Origin", "https://elsewhere.example");

        // when / then
        int matched = 0;
        for (MockHttpServletRequest request : requests) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                RequestMappingInfo expected = info.getMatchingCondition(request);
                assertThat(pathFirst.getMatchingMapping(info, request)).as(request.getMethod() + " " + request.getRequestURI() + " on " + info)
                        .isEqualTo(expected);
                matched += expected == null ? 0 : 1;
            }
        }
        assertThat(matched).isPositive();
    }

    @Test
    void theHandlerAndTheRefusalsAreSpringsToo() throws Exception {
        // when
        HandlerMethod get = (HandlerMethod) mapping.getHandler(request("GET", "/api/surgical-cases/42", "application/json", null)).getHandler();

        // then
        assertThat(get.getMethod().getName()).isEqualTo("get");
        assertThat(get.getBeanType().getSimpleName()).isEqualTo("SurgicalCaseController");
        assertThatThrownBy(() -> mapping.getHandler(request("DELETE", "/api/surgical-cases/42", "application/json", null)))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
    }

    private static MockHttpServletRequest request(String method, String uri, String accept, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.addHeader("Accept", accept);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
