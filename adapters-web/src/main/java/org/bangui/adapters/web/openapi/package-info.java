/**
 * The OpenAPI document as served: micronaut-openapi generates it from the controllers at build time, and
 * {@link org.bangui.adapters.web.openapi.OpenApiDocument} completes each operation's security and shared
 * error responses from the same route rules the security filter applies, which annotations cannot express.
 * {@link org.bangui.adapters.web.openapi.ApiDocsController} shows it in Swagger UI at {@code /api/v1/docs}.
 */
package org.bangui.adapters.web.openapi;
