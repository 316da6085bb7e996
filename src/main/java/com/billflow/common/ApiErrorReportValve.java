package com.billflow.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tomcat's own error report, for what Tomcat refuses before the application sees it (an encoded
 * NUL, '/' or '\' in the path, a malformed URI): {"error", "message"} as JSON under /api, Tomcat's
 * page (without server details) elsewhere.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (!ApiErrors.isApi(uri) || response.getStatus() < 400 || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ApiErrors.forStatus(response.getStatus(), request.getMethod(), uri, null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was already sent: nothing left to tell
        }
    }
}
