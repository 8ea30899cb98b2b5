package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document as a client fetches it tells the truth: the success status each route really answers,
 * the problem responses it can send, and the credentials it needs (session AND CSRF token for a change).
 */
@MicronautTest(transactional = false)
class OpenApiDocumentIT extends SandboxedServiceTest {

    private static final String DOCUMENT = "/api/v1/openapi/bangui-v1.yml";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> PUBLIC = Set.of("GET /api/v1/setup", "POST /api/v1/setup",
            "POST /api/v1/auth/login", "GET /api/v1/health", "GET /api/v1/health/live", "GET /api/v1/health/ready");

    private Integer setupStatus;

    @Override
    protected boolean completeSetup() {
        return false; // the test completes setup itself, to see the status it answers
    }

    /** The class's session, after completing setup through the API once. */
    private Api session() {
        if (api == null) {
            Api.Response setup = anonymous.post("/api/v1/setup",
                    "{\"setupToken\":\"" + SETUP_TOKEN + "\",\"password\":\"" + PASSWORD + "\"}");
            setupStatus = setup.status();
            api = anonymous.login(PASSWORD);
        }
        return api;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Map<String, Object>>> operations() {
        Api.Response response = session().get(DOCUMENT);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(response.body());
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        assertThat(paths).as("documented paths").hasSizeGreaterThan(15);
        return paths;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> responses(String method, String path) {
        Map<String, Object> operation = operations().get(path).get(method.toLowerCase(Locale.ROOT));
        assertThat(operation).as(method + " " + path).isNotNull();
        return (Map<String, Map<String, Object>>) operation.get("responses");
    }

    private List<Integer> successStatuses(String method, String path) {
        return responses(method, path).keySet().stream().filter(code -> code.startsWith("2"))
                .map(Integer::valueOf).toList();
    }

    @Test
    void documentNeedsASession() {
        assertThat(anonymous.get(DOCUMENT).status()).isEqualTo(401);
    }

    @Test
    void everyOperationDocumentsAProblemResponse() {
        List<String> without = new ArrayList<>();
        operations().forEach((path, item) -> item.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            boolean problem = responses.entrySet().stream().anyMatch(r -> r.getKey().matches("[45]\\d\\d")
                    && r.getValue().get("content") instanceof Map<?, ?> content
                    && content.containsKey("application/problem+json"));
            if (!problem) {
                without.add(method + " " + path);
            }
        }));
        assertThat(without).as("operations without an application/problem+json error").isEmpty();
    }

    @Test
    void documentedSuccessStatusIsTheOneTheRouteAnswers() {
        Api session = session();
        assertThat(successStatuses("POST", "/api/v1/setup")).containsExactly(setupStatus);

        Api.Response ban = session.post("/api/v1/bans", "{\"jail\":\"sshd\",\"ip\":\"192.0.2.41\"}");
        assertThat(successStatuses("POST", "/api/v1/bans")).as(ban.toString()).containsExactly(ban.status());
        Api.Response unban = session.delete("/api/v1/bans/sshd/192.0.2.41");
        assertThat(successStatuses("DELETE", "/api/v1/bans/{jail}/{ip}")).as(unban.toString())
                .containsExactly(unban.status());
        Api.Response jails = session.get("/api/v1/jails");
        assertThat(successStatuses("GET", "/api/v1/jails")).as(jails.toString()).containsExactly(jails.status());

        Api.Response logout = anonymous.login(PASSWORD).post("/api/v1/auth/logout", null);
        assertThat(successStatuses("POST", "/api/v1/auth/logout")).as(logout.toString())
                .containsExactly(logout.status());
        assertThat(List.of(setupStatus, ban.status(), unban.status(), jails.status(), logout.status()))
                .containsExactly(201, 201, 204, 200, 204);
    }

    @Test
    void securityIsNoneForPublicSessionForReadsAndSessionAndCsrfTogetherForChanges() {
        Set<String> publicFound = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        operations().forEach((path, item) -> item.forEach((method, operation) -> {
            String key = method.toUpperCase(Locale.ROOT) + " " + path;
            Object security = operation.get("security");
            Object expected;
            if (PUBLIC.contains(key)) {
                expected = List.of();
            } else if (STATE_CHANGING.contains(method.toUpperCase(Locale.ROOT))) {
                expected = List.of(Map.of("session", List.of(), "csrf", List.of()));
            } else {
                expected = List.of(Map.of("session", List.of()));
            }
            if (!expected.equals(security)) {
                wrong.add(key + " has " + security + ", expected " + expected);
            }
            if (List.of().equals(security)) {
                publicFound.add(key);
            }
        }));
        assertThat(wrong).isEmpty();
        assertThat(publicFound).containsExactlyInAnyOrderElementsOf(PUBLIC);
    }
}
