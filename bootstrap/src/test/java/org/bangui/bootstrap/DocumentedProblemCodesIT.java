package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every operation of the served OpenAPI document, driven against the real service with what clients get wrong:
 * no session, a session without the CSRF token, malformed path, query and body input, and a name that does not
 * exist; then each once more with fail2ban stopped. Each answer's status must be one the operation documents,
 * every 4xx a problem document, every 5xx the body documented for it (a problem, or the health report). An
 * operation this test cannot drive (a path parameter it has no values for, a header or cookie parameter, a body
 * that is not JSON) fails the test, so a new route cannot go unchecked.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentedProblemCodesIT extends SandboxedServiceTest {

    private static final String DOCUMENT = "/api/v1/openapi/bangui-v1.yml";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A path parameter: a well-formed value that names nothing, and values the route must refuse. */
    private record PathValues(String unknown, List<String> malformed) {
    }

    /** The path parameters the API has, by name; a string and an integer {@code id} are told apart by schema. */
    private static final Map<String, PathValues> PATH = Map.of(
            "name", new PathValues("nosuchname7", List.of("bad%3Bname", "%2E%2E", "a%2Fb", "x".repeat(300))),
            "jail", new PathValues("nosuchjail7", List.of("bad%3Bjail", "a%2Fb", "a%5Cb")),
            "ip", new PathValues("203.0.113.77", List.of("not-an-ip", "127.1", "fe80::1%25eth0")),
            "id", new PathValues("nosuchid7", List.of("bad%3Bid", "a%2Fb", "%00")),
            "id:integer", new PathValues("987654", List.of("abc", "-1", "99999999999999999999", "1.5")));

    private final List<String> wrong = new ArrayList<>();
    private int sent;

    /** The per-action limits off: the test is about what the routes answer, not the limiter (429 is checked). */
    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> off = new LinkedHashMap<>();
        for (String bucket : List.of("ban", "unban", "jail-operations", "config-writes", "filters", "actions",
                "blocklist-imports", "jobs")) {
            off.put("bangui.rate-limit-" + bucket, "off");
        }
        return off;
    }

    @Test
    @Order(1)
    void everyOperationAnswersOnlyStatusesItDocumentsAndErrorsAsProblems() {
        Api noCsrf = api.withSession(api.cookie(), null);
        List<Operation> operations = operations(load());
        operations.forEach(operation -> exercise(operation, noCsrf));
        assertThat(wrong).as("answers that the document does not list, or errors that are not problems")
                .isEmpty();
        assertThat(sent).isGreaterThan(operations.size() * 4);
    }

    /**
     * With fail2ban stopped, every operation called with a session and well-formed input still answers a status
     * it documents (a route that needs fail2ban must list 503); run last, as fail2ban stays down.
     */
    @Test
    @Order(2)
    void withFail2banDownEveryOperationAnswersAStatusItDocuments() {
        Map<String, Object> document = load();
        fail2ban.stop();
        List<String> answers = new ArrayList<>();
        List<Operation> operations = new ArrayList<>(operations(document));
        // logging out ends the session the other calls use: last
        operations.sort(Comparator.comparing(operation -> operation.template.equals("/api/v1/auth/logout")));
        for (Operation operation : operations) {
            Api.Response response = api.send(operation.method, operation.path(Map.of()),
                    operation.hasBody ? "{}" : null);
            check(operation, "fail2ban stopped", response);
            answers.add(operation.method + " " + operation.template + " -> " + response.status());
        }
        assertThat(wrong).as("answers that the document does not list, or errors that are not problems")
                .isEmpty();
        assertThat(answers.stream().filter(answer -> answer.endsWith("503")).count())
                .as("operations that answered 503 without fail2ban: %s", answers).isGreaterThan(5);
    }

    private List<Operation> operations(Map<String, Object> document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : map(document.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> entry : map(path.getValue()).entrySet()) {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            map(entry.getValue()), document));
                }
            }
        }
        assertThat(operations).as("documented operations").hasSizeGreaterThan(50);
        return operations;
    }

    private void exercise(Operation operation, Api noCsrf) {
        String validBody = operation.hasBody ? "{}" : null;
        String unknownPath = operation.path(Map.of());
        // (a) no session
        check(operation, "no session", anonymous.send(operation.method, unknownPath, validBody));
        // (b) a session without the CSRF token
        if (UNSAFE.contains(operation.method)) {
            check(operation, "no CSRF token", noCsrf.send(operation.method, unknownPath, validBody));
        }
        // (d) names that do not exist
        if (!operation.pathParameters.isEmpty()) {
            check(operation, "unknown " + operation.pathParameters, api.send(operation.method, unknownPath,
                    validBody));
        }
        // (c) malformed path, query and body input
        for (String parameter : operation.pathParameters) {
            for (String bad : operation.values(parameter).malformed()) {
                check(operation, parameter + "=" + bad, api.send(operation.method,
                        operation.path(Map.of(parameter, bad)), validBody));
            }
        }
        for (Map.Entry<String, String> query : operation.malformedQuery().entrySet()) {
            String separator = unknownPath.contains("?") ? "&" : "?";
            check(operation, "query " + query.getKey() + "=" + query.getValue(), api.send(operation.method,
                    unknownPath + separator + query.getKey() + "=" + query.getValue(), validBody));
        }
        if (operation.hasBody) {
            for (String body : List.of("{\"", "[]", "{\"unexpected\":1}")) {
                check(operation, "body " + body, api.send(operation.method, unknownPath, body));
            }
            check(operation, "text/plain body", api.send(operation.method, unknownPath, "{}",
                    "Content-Type", "text/plain"));
            check(operation, "oversized body", api.send(operation.method, unknownPath,
                    "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}"));
        }
    }

    private void check(Operation operation, String input, Api.Response response) {
        sent++;
        String status = String.valueOf(response.status());
        String key = operation.method + " " + operation.template + " with " + input + " -> " + response.status();
        if (response.status() == 429) {
            wrong.add(key + ": a rate limit answered instead of the route");
        }
        if (!operation.responses.containsKey(status)) {
            wrong.add(key + " (documents " + operation.responses.keySet() + ") " + abbreviate(response.body()));
        }
        // an error is a problem document, unless the operation documents another body for it (the health report)
        Set<String> types = map(map(operation.responses.get(status)).get("content")).keySet();
        boolean problem = response.contentType().startsWith("application/problem+json");
        boolean documentedType = types.stream().anyMatch(type -> response.contentType().startsWith(type));
        if (response.status() >= 400 && (response.status() < 500 ? !problem : !documentedType)) {
            wrong.add(key + " answered " + response.contentType() + " (documents " + types + ")");
        }
        if (response.status() >= 400 && response.status() < 500 && !ProblemChecks.problems(response).isEmpty()) {
            wrong.add(key + ": " + ProblemChecks.problems(response));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }

    private Map<String, Object> load() {
        Api.Response response = api.get(DOCUMENT);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(response.body());
    }

    @SuppressWarnings("unchecked") // the document is a tree of maps, lists and scalars
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    /** One documented operation and what the test knows how to send it. */
    private static final class Operation {

        final String method;
        final String template;
        final Map<String, Object> responses;
        final boolean hasBody;
        final List<String> pathParameters = new ArrayList<>();
        final Map<String, PathValues> pathValues = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> queryParameters = new LinkedHashMap<>();

        Operation(String method, String template, Map<String, Object> operation, Map<String, Object> document) {
            this.method = method;
            this.template = template;
            this.responses = map(operation.get("responses"));
            String where = method + " " + template;
            Map<String, Object> body = map(operation.get("requestBody"));
            this.hasBody = !body.isEmpty();
            if (hasBody && !map(body.get("content")).keySet().equals(Set.of("application/json"))) {
                throw new AssertionError(where + ": a body other than JSON; teach this test how to send it");
            }
            Object parameters = operation.get("parameters");
            for (Object item : parameters instanceof List<?> list ? list : List.of()) {
                Map<String, Object> parameter = map(item);
                String name = String.valueOf(parameter.get("name"));
                Map<String, Object> schema = resolve(map(parameter.get("schema")), document);
                switch (String.valueOf(parameter.get("in"))) {
                    case "path" -> {
                        String kind = "integer".equals(schema.get("type")) ? name + ":integer" : name;
                        PathValues values = PATH.get(kind);
                        if (values == null) {
                            throw new AssertionError(where + ": path parameter '" + kind + "' unknown to this "
                                    + "test; add a well-formed unknown value and malformed ones to PATH");
                        }
                        pathParameters.add(name);
                        pathValues.put(name, values);
                    }
                    case "query" -> queryParameters.put(name, schema);
                    default -> throw new AssertionError(where + ": a " + parameter.get("in") + " parameter '"
                            + name + "'; teach this test how to send it");
                }
            }
            if (pathParameters.size() != template.chars().filter(c -> c == '{').count()) {
                throw new AssertionError(where + ": the path's variables are not all documented parameters");
            }
        }

        PathValues values(String parameter) {
            return pathValues.get(parameter);
        }

        /** The path with each parameter's unknown value, or the value given. */
        String path(Map<String, String> given) {
            String path = template;
            for (String parameter : pathParameters) {
                path = path.replace("{" + parameter + "}",
                        given.getOrDefault(parameter, pathValues.get(parameter).unknown()));
            }
            return path;
        }

        /** One refused value per query parameter, chosen by its schema. */
        Map<String, String> malformedQuery() {
            Map<String, String> values = new LinkedHashMap<>();
            queryParameters.forEach((name, schema) -> {
                String type = String.valueOf(schema.get("type"));
                String format = String.valueOf(schema.get("format"));
                if (type.equals("integer") || type.equals("number")) {
                    values.put(name, "x1");
                } else if (format.equals("date-time") || name.equals("since") || name.equals("until")) {
                    values.put(name, "yesterday");
                } else if (name.equals("ip")) {
                    values.put(name, "not-an-ip");
                } else {
                    values.put(name, "bad%3B%00value");
                }
            });
            return values;
        }

        private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> document) {
            Object ref = schema.get("$ref");
            if (ref instanceof String reference && reference.startsWith("#/components/schemas/")) {
                return map(map(map(document.get("components")).get("schemas"))
                        .get(reference.substring("#/components/schemas/".length())));
            }
            return schema;
        }
    }
}
