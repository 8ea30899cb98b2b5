package org.bangui.adapters.web.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;

/** Serves the completed OpenAPI document; behind the session like every route that is not public. */
@Hidden
@Controller("/api/v1/openapi")
public class OpenApiController {

    private final OpenApiDocument document;

    OpenApiController(OpenApiDocument document) {
        this.document = document;
    }

    /** The document as YAML. */
    @Get("/bangui-v1.yml")
    public HttpResponse<byte[]> yaml() {
        return HttpResponse.ok(document.yaml().getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_YAML_TYPE);
    }
}
