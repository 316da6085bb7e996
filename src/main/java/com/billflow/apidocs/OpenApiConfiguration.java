package com.billflow.apidocs;

import com.billflow.common.ApiError;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The document's frame: title, how to sign in (HTTP Basic with a Camunda user, required by every
 * operation), the error body {@link ApiError} as schema {@value #ERROR_SCHEMA}, and the feature tags in
 * reading order. Operations, parameters and schemas come from the controllers and request records;
 * {@link ErrorResponses} and {@link GroupAccess} add what each operation may answer and who may call it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String ERROR_SCHEMA = "ApiError";
    static final String BASIC_AUTH = "basicAuth";

    private static final String DESCRIPTION = """
            Billing lifecycles of Billflow: surgical cases (Pending PO → Pending Payment → Paid) and laboratory \
            invoices, credit notes and proposals. Every call runs the same Camunda tasks as Tasklist.

            **Sign in** with HTTP Basic and a Camunda user (the same user and password as in Tasklist). \
            Without credentials the answer is 401; when the user's groups do not allow the call, 403. \
            Each operation names the groups that may call it:

            | group | may |
            |---|---|
            | `sales-rep` | submit cases, read their own cases and add their POs, the dashboard (their own cases) |
            | `billing` | every surgical-case call: POs, invoice email, payments, cancel, the invoice PDF |
            | `office-manager` | every laboratory invoice, credit note and proposal call |
            | `camunda-admin` | everything, including CSV exports and writing facilities, laboratories and clients |

            Facilities, laboratories and clients are readable by every signed-in user.

            **Errors.** Every 4xx has the body `{"error": CODE, "message": text}` (schema `ApiError`); the message \
            says what to fix, and a refused call changes nothing.

            - 400 `INVALID_INPUT`, `MALFORMED_REQUEST`: a value is missing, malformed, too long or out of range, an unknown \
            field was sent, or a facility, laboratory or client code is unknown
            - 401 `UNAUTHORIZED`, 403 `FORBIDDEN`: see above
            - 404 `NOT_FOUND`: no such case, invoice, line, document or code in the path
            - 409 `ILLEGAL_STATUS`: the current status does not allow this (the message names it and what is allowed); \
            `ALREADY_EXISTS`; `CONCURRENT_CHANGE`: reload and retry
            - 405, 415: a wrong method, or a body that is not `application/json`

            **Limits.** Page `size` is 1-100 (default 20). A case has 1-200 lines. Texts have the lengths given \
            in each schema (`maxLength`); one-line texts take no control characters (tabs, line breaks).
            """;

    @Bean
    OpenAPI billflowOpenApi() {
        Map<String, Schema> error = ModelConverters.getInstance(true).resolveAsResolvedSchema(new AnnotatedType(ApiError.class))
                .referencedSchemas;
        return new OpenAPI()
                .info(new Info().title("Billflow API").version("v1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A Camunda user and password; the user's Camunda groups decide what it may call."))
                        .addSchemas(ERROR_SCHEMA, error.get(ApiError.class.getSimpleName())
                                .description("The body of every error answer: a stable code and a message saying what to fix.")
                                .required(List.of("error", "message"))
                                .example(Map.of("error", "INVALID_INPUT", "message", "lines[0].quantity: must be greater than 0 (was '-1')"))))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH))
                .tags(List.of(
                        new Tag().name(ApiTags.SURGICAL_CASES).description("Surgical case billing: submit, purchase orders, invoice, payments."),
                        new Tag().name(ApiTags.DASHBOARD).description("The \"Pending PO#'s\" panel."),
                        new Tag().name(ApiTags.INVOICES).description("Laboratory invoices, credit notes and proposals: lines, status moves, documents, history."),
                        new Tag().name(ApiTags.DIRECTORY).description("Facilities and clients: every signed-in user reads; laboratories: their office managers (tenant members) and camunda-admin read; camunda-admin writes."),
                        new Tag().name(ApiTags.EXPORTS).description("Accounting imports for Xero and QuickBooks Online (camunda-admin)."),
                        new Tag().name(ApiTags.SIGNED_IN_USER).description("Who is signed in, their groups and the Camunda webapps they may open.")));
    }
}
