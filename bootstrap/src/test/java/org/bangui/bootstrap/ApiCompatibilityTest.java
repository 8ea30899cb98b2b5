package org.bangui.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The contract check catches each kind of break, on small documents and on the committed baseline, and lets
 * additions through. OpenApiDocumentIT applies it to the document the running service serves.
 */
class ApiCompatibilityTest {

    /** A one-operation API; the arguments vary what a client relies on. */
    private static String api(String extraPath, String responseFields, String countType, String required) {
        return """
                openapi: 3.0.1
                info: {title: t, version: v1}
                paths:
                  /api/v1/bans:
                    post:
                      operationId: ban
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              required: [%s]
                              properties:
                                ip: {type: string}
                                jail: {type: string}
                      responses:
                        "201":
                          description: banned
                          content:
                            application/json:
                              schema:
                                type: object
                                required: [count]
                                properties:
                                  count: {type: %s}
                %s
                %s
                """.formatted(required, countType, responseFields, extraPath);
    }

    private static final String JAILS = """
              /api/v1/jails:
                get:
                  operationId: jails
                  responses:
                    "200": {description: the jails}
            """;
    private static final String NETWORK_AND_COUNTRY = """
                              network: {type: string}
                              country: {type: string, nullable: true}
            """;
    private static final String NETWORK = """
                              network: {type: string}
            """;

    private static final String BASELINE = api(JAILS, NETWORK_AND_COUNTRY, "integer", "ip");

    @Test
    void sameDocumentHasNoBreaks() {
        assertThat(ApiCompatibility.breakingChanges(BASELINE, BASELINE)).isEmpty();
    }

    @Test
    void removedRouteBreaks() {
        assertThat(ApiCompatibility.breakingChanges(BASELINE, api("", NETWORK_AND_COUNTRY, "integer", "ip")))
                .containsExactly("removed operation GET /api/v1/jails");
    }

    @Test
    void removedOptionalResponseFieldBreaks() {
        assertThat(ApiCompatibility.breakingChanges(BASELINE, api(JAILS, NETWORK, "integer", "ip")))
                .containsExactly("removed response field country of POST /api/v1/bans");
    }

    @Test
    void changedResponseFieldTypeBreaks() {
        assertThat(ApiCompatibility.breakingChanges(BASELINE, api(JAILS, NETWORK_AND_COUNTRY, "string", "ip")))
                .containsExactly("changed type of response field count of POST /api/v1/bans");
    }

    @Test
    void newRequiredRequestFieldBreaks() {
        assertThat(ApiCompatibility.breakingChanges(BASELINE, api(JAILS, NETWORK_AND_COUNTRY, "integer", "ip, jail")))
                .containsExactly("new required request field jail of POST /api/v1/bans");
    }

    @Test
    void removedResponseIsNamedThroughTheChangeLog() {
        String withConflict = BASELINE.replace("""
                        "201":
                """, """
                        "409": {description: already banned}
                        "201":
                """);
        assertThat(ApiCompatibility.breakingChanges(withConflict, BASELINE))
                .containsExactly("incompatible change to POST /api/v1/bans (see the change log below)");
    }

    @Test
    void newRouteAndNewFieldsPass() {
        String older = api("", NETWORK, "integer", "ip");
        assertThat(ApiCompatibility.breakingChanges(older, BASELINE)).isEmpty();
    }

    @Test
    void failureListsTheBreaksAndHowToMakeADeliberateOne() {
        assertThatThrownBy(() -> ApiCompatibility.assertCompatible(BASELINE, api("", NETWORK, "integer", "ip")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("  - removed operation GET /api/v1/jails\n")
                .hasMessageContaining("  - removed response field country of POST /api/v1/bans\n")
                .hasMessageContaining("run scripts/api-baseline.sh and commit the regenerated "
                        + "Docs/openapi/bangui-v1.yml in the same change");
    }

    @Test
    void committedBaselineIsCompatibleWithItselfAndWithAnAddition() {
        String baseline = ApiCompatibility.readBaseline();
        assertThatCode(() -> ApiCompatibility.assertCompatible(baseline, baseline)).doesNotThrowAnyException();
        assertThatCode(() -> ApiCompatibility.assertCompatible(baseline, withExtraRoute(baseline)))
                .doesNotThrowAnyException();
    }

    @Test
    void committedBaselineWithARouteTheServiceLacksFails() {
        String baseline = ApiCompatibility.readBaseline();
        assertThat(ApiCompatibility.breakingChanges(withExtraRoute(baseline), baseline))
                .containsExactly("removed operation GET /api/v1/contract-probe");
    }

    /** The document with one more operation, as a later version that adds a route would serve it. */
    @SuppressWarnings("unchecked")
    private static String withExtraRoute(String document) {
        Yaml yaml = yaml();
        Map<String, Object> tree = yaml.load(document);
        Map<String, Object> paths = new LinkedHashMap<>((Map<String, Object>) tree.get("paths"));
        paths.put("/api/v1/contract-probe", Map.of("get", Map.of("operationId", "contractProbe",
                "responses", Map.of("200", Map.of("description", "ok")))));
        tree.put("paths", paths);
        return yaml.dump(tree);
    }

    @Test
    void committedBaselineWithAResponseFieldTheServiceLacksFails() {
        String baseline = ApiCompatibility.readBaseline();
        assertThat(ApiCompatibility.breakingChanges(withExtraBanField(baseline), baseline))
                .containsExactly("removed response field bans.contractProbe of GET /api/v1/bans",
                        "removed response field bans.contractProbe of GET /api/v1/bans/search");
    }

    /** The document with one more field in the listed bans, as an older version that served it would. */
    @SuppressWarnings("unchecked")
    private static String withExtraBanField(String document) {
        Yaml yaml = yaml();
        Map<String, Object> tree = yaml.load(document);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) tree.get("components"))
                .get("schemas");
        Map<String, Object> properties =
                (Map<String, Object>) ((Map<String, Object>) schemas.get("BanController.BanView")).get("properties");
        properties.put("contractProbe", Map.of("type", "string"));
        return yaml.dump(tree);
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
    }

    @Test
    void messageNamesEveryBreakOnItsOwnLine() {
        assertThat(ApiCompatibility.message(List.of("a", "b"), "log")).contains("  - a\n  - b\n").endsWith("log");
    }
}
