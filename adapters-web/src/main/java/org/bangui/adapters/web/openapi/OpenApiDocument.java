package org.bangui.adapters.web.openapi;

import io.micronaut.core.util.SupplierUtil;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bangui.adapters.web.problem.Problem;
import org.bangui.adapters.web.security.RouteRules;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The generated OpenAPI document, completed once from the router. Swagger annotations can only write a list of
 * alternative security requirements (session OR csrf), so each operation's {@code security} is set here from
 * {@link RouteRules}, as the security filter decides: public routes none, reads the session, state-changing
 * routes the session AND the CSRF header in one requirement. The errors those rules raise (401, 403, 429) are
 * added beside the ones the method declares with {@link ApiErrors}, and so are those the framework answers before
 * the method runs: 400 for unreadable input, 413 and 415 for a body too large or not JSON. An operation that
 * matches no route is treated as the filter treats an unmatched request: protected.
 */
@Singleton
public class OpenApiDocument {

    /** Where micronaut-openapi writes the document, on the class path. */
    static final String GENERATED = "META-INF/swagger/bangui-v1.yml";

    private final Router router;
    private final Supplier<String> yaml = SupplierUtil.memoized(this::build);

    OpenApiDocument(Router router) {
        this.router = router;
    }

    /** The completed document as YAML; built on first use, when every route is known. */
    public String yaml() {
        return yaml.get();
    }

    private String build() {
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setWidth(120);
        // objects shared between operations would be written as anchors and aliases; YAML parsers cap those
        // (SnakeYAML at 50), so the served document would not load past some size
        dump.setDereferenceAliases(true);
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(dump), dump);
        Map<String, Object> document;
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(GENERATED)) {
            if (in == null) {
                throw new IllegalStateException(GENERATED + " is missing: the build did not generate it");
            }
            document = parser.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, UriRouteInfo<?, ?>> routes = new LinkedHashMap<>();
        router.uriRoutes().forEach(route -> routes.putIfAbsent(
                route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString(), route));
        document.put("security", List.of(Map.of("session", List.of())));
        map(document, "paths").forEach((path, item) -> map(item).forEach((method, operation) -> complete(
                map(operation), method.toUpperCase(Locale.ROOT),
                Optional.ofNullable(routes.get(method.toUpperCase(Locale.ROOT) + " " + path)))));
        return parser.dump(document);
    }

    private static void complete(Map<String, Object> operation, String method,
                                 Optional<UriRouteInfo<?, ?>> route) {
        Map<String, Object> responses = new TreeMap<>(map(operation, "responses"));
        boolean isPublic = route.map(RouteRules::isPublic).orElse(false);
        boolean changesState = RouteRules.changesState(HttpMethod.parse(method), route.<RouteInfo<?>>map(r -> r));
        if (isPublic) {
            operation.put("security", List.of());
        } else {
            Map<String, Object> requirement = new LinkedHashMap<>();
            requirement.put("session", List.of());
            if (changesState) {
                requirement.put("csrf", List.of());
            }
            operation.put("security", List.of(requirement));
            responses.putIfAbsent("401", problem("No valid session: absent, expired or revoked"));
            if (changesState) {
                responses.putIfAbsent("403", problem("The X-CSRF-Token header is missing or wrong"));
            }
        }
        // what the framework answers before the method runs, for any operation that reads input
        boolean hasBody = operation.containsKey("requestBody");
        if (hasBody || operation.get("parameters") instanceof List<?> parameters && !parameters.isEmpty()) {
            responses.putIfAbsent("400", problem("Invalid input; `code` names the refused value"));
        }
        if (hasBody) {
            responses.putIfAbsent("413", problem("The request body is larger than the server accepts"));
            responses.putIfAbsent("415", problem("The body is not sent as `application/json`"));
        }
        List<String> limits = new ArrayList<>(List.of("the per-client limit"));
        route.flatMap(RouteRules::limitedAction).ifPresent(action -> limits.add("the " + action + " limit"));
        responses.putIfAbsent("429", problem("Over " + String.join(" or ", limits)
                + "; retry after `Retry-After` seconds"));
        operation.put("responses", responses);
    }

    private static Map<String, Object> problem(String description) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        response.put("content", Map.of(Problem.MEDIA_TYPE,
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        return response;
    }

    @SuppressWarnings("unchecked") // the document is a tree of maps, lists and scalars
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> map(Map<String, Object> node, String key) {
        Object child = node.get(key);
        return child == null ? new LinkedHashMap<>() : map(child);
    }
}
