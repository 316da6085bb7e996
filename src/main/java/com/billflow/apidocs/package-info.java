/** The OpenAPI 3 description of {@code /api/**} ({@code /v3/api-docs}) and its Swagger UI, generated from the controllers. */
package com.billflow.apidocs;
