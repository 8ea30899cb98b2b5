package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web UI as the service serves it over plain HTTP: the app shell at every page path (with its security and
 * caching headers, revalidated by ETag), the content-hashed assets it names (cached for good, compressed when
 * asked), 404 problems for anything else under {@code /assets}, and no shell for paths that are no page. The
 * shell is public and served before first-run setup too, so the setup page can load.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiServingIT extends SandboxedServiceTest {

    private static final List<String> PAGES = List.of("/", "/dashboard", "/jails/sshd", "/jails/",
            "/history/ip/2001%3Adb8%3A%3A1", "/config/jails/sshd", "/setup", "/login?next=%2Fbans");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "css", "text/css",
            "svg", "image/svg+xml");
    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected boolean completeSetup() {
        return false; // the first test looks at a service that is not set up yet
    }

    @Test
    @Order(1)
    void theShellIsServedBeforeSetup() {
        assertThat(anonymous.get("/api/v1/setup").json()).containsEntry("complete", false);
        for (String page : List.of("/", "/setup", "/dashboard")) {
            assertShell(anonymous.get(page), page);
        }
        List<String> assets = assetsOf(anonymous.get("/").body());
        assertThat(assets).isNotEmpty();
        assets.forEach(asset -> assertThat(anonymous.get(asset).status()).as(asset).isEqualTo(200));
        // everything else still asks for setup first
        assertThat(anonymous.get("/api/v1/jails").json()).containsEntry("code", "setup_required");
    }

    @Test
    @Order(2)
    void everyPagePathGetsTheSameShellWithItsHeaders() {
        finishSetup();
        String body = null;
        String etag = null;
        for (String page : PAGES) {
            Api.Response shell = anonymous.get(page);
            assertShell(shell, page);
            if (body == null) {
                body = shell.body();
                etag = shell.header("ETag").orElseThrow();
            }
            assertThat(shell.body()).as(page).isEqualTo(body);
            assertThat(shell.header("ETag")).as(page).contains(etag);
            // with a session too: the shell is the same for everyone
            assertThat(api.get(page).body()).as(page).isEqualTo(body);
        }
        assertThat(body).contains("<div id=\"app\">").contains("<script type=\"module\"");
        // the shell holds no data and no inline script or style (the policy forbids them)
        assertThat(body).doesNotContain("<script>").doesNotContain("<style").doesNotContain("csrf");
    }

    @Test
    @Order(3)
    void theShellIsRevalidatedByItsETag() {
        finishSetup();
        String etag = anonymous.get("/dashboard").header("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{16,}\"");
        for (String page : List.of("/", "/dashboard", "/jails/sshd")) {
            Api.Response same = anonymous.get(page, "If-None-Match", etag);
            assertThat(same.status()).as(page).isEqualTo(304);
            assertThat(same.body()).as(page).isEmpty();
            assertThat(same.header("ETag")).as(page).contains(etag);
            assertThat(same.header("Cache-Control")).as(page).contains("no-cache");
            Api.Response other = anonymous.get(page, "If-None-Match", "\"0000\"");
            assertThat(other.status()).as(page).isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void theAssetsTheShellNamesAreServedWithTheirTypesAndCachedForGood() {
        finishSetup();
        List<String> assets = assetsOf(anonymous.get("/").body());
        assertThat(assets).as("the shell's assets").anyMatch(a -> a.endsWith(".js")).anyMatch(a -> a.endsWith(".css"));
        for (String asset : assets) {
            Api.Response file = anonymous.get(asset);
            assertThat(file.status()).as(asset).isEqualTo(200);
            String extension = asset.substring(asset.lastIndexOf('.') + 1);
            assertThat(TYPES).as(asset).containsKey(extension);
            assertThat(file.contentType()).as(asset).startsWith(TYPES.get(extension));
            assertThat(file.header("Cache-Control")).as(asset).contains("public, max-age=31536000, immutable");
            assertThat(file.header("ETag")).as(asset).isPresent();
            assertThat(file.header("Vary")).as(asset)
                    .hasValueSatisfying(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
            assertThat(file.header("X-Content-Type-Options")).as(asset).contains("nosniff");
            assertThat(file.header("Set-Cookie")).as(asset).isEmpty();
            assertThat(file.body()).as(asset).isNotEmpty();
            assertThat(anonymous.get(asset, "If-None-Match", file.header("ETag").orElseThrow()).status()).as(asset)
                    .isEqualTo(304);
            assertThat(api.get(asset).header("Set-Cookie")).as(asset).isEmpty();
        }
    }

    @Test
    @Order(5)
    void scriptsAndStylesAreCompressedWhenAsked() throws IOException {
        finishSetup();
        for (String asset : assetsOf(anonymous.get("/").body())) {
            if (asset.endsWith(".svg")) {
                continue; // tiny: below the compression threshold
            }
            byte[] plain = raw(asset, null).body();
            HttpResponse<byte[]> zipped = raw(asset, "gzip");
            assertThat(zipped.statusCode()).as(asset).isEqualTo(200);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(asset).contains("gzip");
            assertThat(zipped.body().length).as(asset).isLessThan(plain.length);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertThat(in.readAllBytes()).as(asset).isEqualTo(plain);
            }
            assertThat(raw(asset, null).headers().firstValue("Content-Encoding")).as(asset).isEmpty();
        }
    }

    @Test
    @Order(6)
    void anythingButABuiltAssetIsA404Problem() {
        finishSetup();
        String longName = "a".repeat(300) + ".js";
        for (String path : List.of("/assets/missing-0000.js", "/assets/..%2F..%2Fapplication.yml", "/assets/%2e%2e",
                "/assets/index.html", "/assets/" + longName, "/assets/.env", "/assets/index.js.map",
                "/assets/..%2Findex.html", "/assets/%2e%2e%2fpublic%2findex.html")) {
            for (Api client : List.of(anonymous, api)) {
                Api.Response response = client.get(path);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.contentType()).as(path).startsWith("application/problem+json");
                assertThat(ProblemChecks.problems(response)).as(path + " " + response).isEmpty();
                assertThat(response.body()).as(path).doesNotContain("public/").doesNotContain("classpath")
                        .doesNotContain("UiAssets");
                assertThat(response.header("Set-Cookie")).as(path).isEmpty();
            }
        }
    }

    @Test
    @Order(7)
    void pathsThatAreNoPageNeverGetTheShell() {
        finishSetup();
        for (String path : List.of("/api/v1/nope", "/nope", "/dashboardx", "/jailsx/sshd", "/index.html",
                "/api/v1/", "/api/v1/dashboard")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).doesNotContain("<!doctype").doesNotContain("<html");
            assertThat(ProblemChecks.problems(response)).as(path + " " + response).isEmpty();
        }
        // with a session an unknown path is a 404 problem, not the shell
        for (String path : List.of("/api/v1/nope", "/nope", "/dashboardx")) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    private void finishSetup() {
        if (!Boolean.TRUE.equals(anonymous.get("/api/v1/setup").json().get("complete"))) {
            Api.Response setup = anonymous.post("/api/v1/setup",
                    "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(setup.status()).as(setup.toString()).isEqualTo(201);
        }
        if (api == null) {
            api = anonymous.login(PASSWORD);
        }
    }

    private static void assertShell(Api.Response shell, String page) {
        assertThat(shell.status()).as(page + ": " + shell).isEqualTo(200);
        assertThat(shell.contentType()).as(page).isEqualTo("text/html; charset=utf-8");
        assertThat(shell.header("Content-Security-Policy")).as(page).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("script-src 'self'").contains("object-src 'none'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(shell.header("X-Frame-Options")).as(page).contains("DENY");
        assertThat(shell.header("X-Content-Type-Options")).as(page).contains("nosniff");
        assertThat(shell.header("Cache-Control")).as(page).contains("no-cache");
        assertThat(shell.header("ETag")).as(page).isPresent();
        assertThat(shell.header("Set-Cookie")).as(page).isEmpty();
        assertThat(shell.body()).as(page).startsWith("<!doctype html>");
    }

    /** The {@code /assets/...} paths that {@code html} references. */
    private static List<String> assetsOf(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private HttpResponse<byte[]> raw(String path, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .timeout(Duration.ofSeconds(10));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        try {
            return RAW.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
