package org.bangui.adapters.web.openapi;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Swagger UI on the served OpenAPI document, at {@code /api/v1/docs}; behind the session like the document. The
 * page runs under the web UI's Content-Security-Policy (scripts and styles from this origin only): Swagger UI
 * sets its inline styles through the DOM, which that policy allows, and the page's own start-up is a file.
 */
@Hidden
@Controller("/api/v1/docs")
public class ApiDocsController {

    /** The same for every user, but only for those with a session: private caches only, revalidated by ETag. */
    private static final String PRIVATE = "private, no-cache";

    private final ApiDocsAssets assets;

    ApiDocsController(ApiDocsAssets assets) {
        this.assets = assets;
    }

    /** The documentation page. */
    @Get
    public HttpResponse<byte[]> page(HttpRequest<?> request) {
        return assets.page().answer(request, PRIVATE);
    }

    /** One of the page's files, by its exact name. */
    @Get("/{name}")
    public HttpResponse<byte[]> file(HttpRequest<?> request, @PathVariable String name) {
        return assets.file(name).orElseThrow(ApiDocsFileNotFoundException::new).answer(request, PRIVATE);
    }
}
