package org.bangui.adapters.web.openapi;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;
import org.bangui.adapters.web.problem.SecurityHeaders;
import org.bangui.adapters.web.ui.UiController;

/**
 * Swagger UI on the served OpenAPI document, at {@code /api/v1/docs}; behind the session like the document. The
 * page runs under the web UI's Content-Security-Policy (scripts and styles from this origin only): Swagger UI
 * sets its inline styles through the DOM, which that policy allows, and the page's own start-up is a file.
 */
@Hidden
@Controller("/api/v1/docs")
public class ApiDocsController {

    private final ApiDocsAssets assets;

    ApiDocsController(ApiDocsAssets assets) {
        this.assets = assets;
    }

    /** The documentation page. */
    @Get
    public HttpResponse<byte[]> page(HttpRequest<?> request) {
        return answer(request, assets.page());
    }

    /** One of the page's files, by its exact name. */
    @Get("/{name}")
    public HttpResponse<byte[]> file(HttpRequest<?> request, @PathVariable String name) {
        return answer(request, assets.file(name).orElseThrow(ApiDocsFileNotFoundException::new));
    }

    private static HttpResponse<byte[]> answer(HttpRequest<?> request, ApiDocsAssets.DocsFile file) {
        // the same for every user, but only for those with a session: private caches only, revalidated by ETag
        request.setAttribute(SecurityHeaders.OWN_CACHING, Boolean.TRUE);
        MutableHttpResponse<byte[]> response;
        if (file.etag().equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
        } else {
            response = HttpResponse.ok(file.bytes()).contentType(file.contentType());
        }
        return response.header(HttpHeaders.ETAG, file.etag())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("Content-Security-Policy", UiController.CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }
}
