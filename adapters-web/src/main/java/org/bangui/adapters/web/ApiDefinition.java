package org.bangui.adapters.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** Metadata of the OpenAPI document that the build generates from the controllers. */
@OpenAPIDefinition(info = @Info(title = "BanGUI", version = "v1",
        description = "Manage fail2ban through a REST API: jails, bans, dashboard and health.",
        license = @License(name = "Proprietary")))
final class ApiDefinition {

    /** The prefix of every API route. */
    static final String BASE = "/api/v1";

    private ApiDefinition() {
    }
}
