package org.bangui.bootstrap;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain HTTP client for the integration tests: every status comes back as a value, never as an exception.
 * With a session it sends the cookie, and the CSRF header on state-changing requests.
 */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final JsonMapper json;
    private final String cookie;
    private final String csrf;

    Api(URI base, JsonMapper json) {
        this(base, json, null, null);
    }

    private Api(URI base, JsonMapper json, String cookie, String csrf) {
        this.base = base;
        this.json = json;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** This client with a session cookie value and its CSRF token (either may be null). */
    Api withSession(String cookieValue, String csrfToken) {
        return new Api(base, json, cookieValue, csrfToken);
    }

    /** The session cookie value this client sends, or null. */
    String cookie() {
        return cookie;
    }

    /** The CSRF token this client sends, or null. */
    String csrf() {
        return csrf;
    }

    /** Logs in with {@code password}; fails the test unless it answers 200. */
    Api login(String password, String... headers) {
        Response response = post("/api/v1/auth/login", "{\"password\":\"" + password + "\"}", headers);
        if (response.status() != 200) {
            throw new AssertionError("login failed: " + response);
        }
        String setCookie = response.header("Set-Cookie").orElseThrow();
        String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return withSession(value, (String) response.json().get("csrfToken"));
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Any method; {@code headers} are name/value pairs. */
    Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", "bangui_session=" + cookie);
        }
        if (csrf != null && !method.equals("GET")) {
            request.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response; {@link #json()} parses the body as an object. */
    record Response(int status, String body, Map<String, List<String>> headers, JsonMapper mapper) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** Every value of a header that may come as several lines (Access-Control-Expose-Headers), joined. */
        String headerValues(String name) {
            return String.join(",", headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList());
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return mapper.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON object: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) json().get(field);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
