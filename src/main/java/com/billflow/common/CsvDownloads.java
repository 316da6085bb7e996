package com.billflow.common;

import com.billflow.document.csv.AccountingFormat;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The CSV endpoints' shared parts: the {@code format} parameter and the download response. */
public final class CsvDownloads {

    /** The {@code format} parameter as the API documents it. */
    public static final String FORMAT_DESCRIPTION = "xero (the default) or quickbooks, in any case";

    private CsvDownloads() {
    }

    /** Parses {@code format}, refusing an unknown one as the caller's input error. */
    public static AccountingFormat parse(String format) {
        try {
            return AccountingFormat.fromParameter(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** Makes the response a UTF-8 CSV attachment named {@code <name>-<format>.csv}; answers its writer. */
    public static Writer start(HttpServletResponse response, String name, AccountingFormat format) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "-" + format.name().toLowerCase(Locale.ROOT) + ".csv", StandardCharsets.UTF_8).build().toString());
        return response.getWriter();
    }
}
