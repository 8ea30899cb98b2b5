/**
 * The OpenAPI document as served: micronaut-openapi generates it from the controllers at build time, and
 * {@link org.bangui.adapters.web.openapi.OpenApiDocument} completes each operation's security and shared
 * error responses from the same route rules the security filter applies, which annotations cannot express.
 */
package org.bangui.adapters.web.openapi;
