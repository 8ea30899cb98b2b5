package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI at {@code /api/v1/docs}: behind the session like the document it shows, its files served from the
 * jar by exact name under the web UI's strict Content-Security-Policy, and nothing else reachable through it.
 */
@MicronautTest(transactional = false)
class ApiDocsIT extends SandboxedServiceTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Map<String, String> TYPES = Map.of("/api/v1/docs/swagger-ui-bundle.js", "text/javascript",
            "/api/v1/docs/initializer.js", "text/javascript", "/api/v1/docs/swagger-ui.css", "text/css",
            "/api/v1/docs/favicon-32x32.png", "image/png");

    @Test
    void thePageAndItsFilesNeedASession() {
        for (String path : List.of("/api/v1/docs", "/api/v1/docs/swagger-ui-bundle.js",
                "/api/v1/docs/initializer.js", "/api/v1/docs/nothing.js")) {
            Api.Response refused = anonymous.get(path);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(ProblemChecks.problems(refused)).as(path + " " + refused).isEmpty();
            assertThat(refused.body()).as(path).doesNotContain("SwaggerUI");
        }
    }

    @Test
    void thePageLoadsOnlyFilesOfThisOriginAndNoInlineCode() {
        Api.Response page = api.get("/api/v1/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String policy = page.header("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self';").contains("style-src 'self';")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).contains("DENY");
        // every script is a file; no inline style either
        assertThat(page.body().split("<script", -1).length - 1).isEqualTo(2);
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("<style").doesNotContain("style=")
                .doesNotContain("http://").doesNotContain("https://");
        Matcher references = REFERENCE.matcher(page.body());
        int found = 0;
        while (references.find()) {
            String path = references.group(1);
            Api.Response file = api.get(path);
            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(file.contentType()).as(path).startsWith(TYPES.get(path));
            assertThat(file.header("X-Content-Type-Options")).as(path).contains("nosniff");
            found++;
        }
        assertThat(found).isEqualTo(TYPES.size());
    }

    @Test
    void theInitializerShowsTheServedDocumentAndSendsTheCsrfTokenOnChanges() {
        String initializer = api.get("/api/v1/docs/initializer.js").body();
        Matcher url = Pattern.compile("url: '([^']+)'").matcher(initializer);
        assertThat(url.find()).isTrue();
        Api.Response document = api.get(url.group(1));
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).startsWith("openapi:");
        // the token the web UI keeps after login (src/main/frontend/src/app/session.ts), as the header the API reads
        assertThat(initializer).contains("'bangui.csrf'").contains("'X-CSRF-Token'");
    }

    @Test
    void filesAreRevalidatedByTheirETagAndKeptOutOfSharedCaches() {
        Api.Response bundle = api.get("/api/v1/docs/swagger-ui-bundle.js");
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(bundle.header("Cache-Control")).contains("private, no-cache");
        String etag = bundle.header("ETag").orElseThrow();
        Api.Response again = api.get("/api/v1/docs/swagger-ui-bundle.js", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void anyOtherNameIsA404ProblemAndReadsNothingElseFromTheClassPath() {
        for (String path : List.of("/api/v1/docs/index.html", "/api/v1/docs/swagger-ui.js",
                "/api/v1/docs/..%2F..%2Fapplication.yml", "/api/v1/docs/%2e%2e", "/api/v1/docs/..%5Capplication.yml",
                "/api/v1/docs/initializer.js%00", "/api/v1/docs/oauth2-redirect.html", "/api/v1/docs/pom.properties",
                "/api/v1/docs/SWAGGER-UI-BUNDLE.JS", "/api/v1/docs/" + "a".repeat(300) + ".js",
                "/api/v1/docs/%2e%2e%2fopenapi%2fbangui-v1.yml")) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(ProblemChecks.problems(response)).as(path + " " + response).isEmpty();
            assertThat(response.body()).as(path).doesNotContain("webjars").doesNotContain("bangui-docs")
                    .doesNotContain("openapi:");
        }
    }
}
