package org.bangui.adapters.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Metadata of the OpenAPI document that the build generates from the controllers. Every operation needs the
 * session cookie except the probes, setup and login; state-changing ones also need the CSRF header. Annotations
 * can only list alternatives, so the per-operation security (session AND csrf) is set when the document is
 * served, by {@link org.bangui.adapters.web.openapi.OpenApiDocument}.
 */
@OpenAPIDefinition(info = @Info(title = "BanGUI", version = "v1",
        description = "Manage fail2ban through a REST API: jails, bans, dashboard, sessions, audit and health. "
                + "Authenticate with POST /api/v1/auth/login; send the bangui_session cookie on every request and "
                + "the X-CSRF-Token header (from the login answer) on POST, PUT, PATCH and DELETE.",
        license = @License(name = "Proprietary")),
        security = @SecurityRequirement(name = "session"))
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "bangui_session")
@SecurityScheme(name = "csrf", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-CSRF-Token")
final class ApiDefinition {

    /** The prefix of every API route. */
    static final String BASE = "/api/v1";

    private ApiDefinition() {
    }
}
