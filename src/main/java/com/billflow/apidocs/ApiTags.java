package com.billflow.apidocs;

/** The feature groups of the OpenAPI document, in the order {@link OpenApiConfiguration} lists them; controllers name theirs with {@code @Tag}. */
public final class ApiTags {

    public static final String SURGICAL_CASES = "Surgical cases";
    public static final String DASHBOARD = "Dashboard";
    public static final String INVOICES = "Laboratory invoices";
    public static final String DIRECTORY = "Directory";
    public static final String EXPORTS = "Exports";
    public static final String SIGNED_IN_USER = "Signed-in user";

    private ApiTags() {
    }
}
