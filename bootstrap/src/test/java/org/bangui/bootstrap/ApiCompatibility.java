package org.bangui.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Compares an OpenAPI document with the committed baseline (the API contract of record) and lists what a client
 * built against the baseline would no longer find: removed operations, and operations openapi-diff judges
 * incompatible (a narrowed or changed type, a new required request field, a removed required response field, a
 * removed response). openapi-diff accepts the removal of an optional
 * response field, since an optional field may be absent; clients that read it still break, so those removals are
 * listed too. Additions (new operations, new optional request fields, new response fields) pass.
 */
final class ApiCompatibility {

    /** The baseline, relative to the repository root. */
    static final String BASELINE = "Docs/openapi/bangui-v1.yml";
    /** Regenerates the baseline from the served document. */
    static final String UPDATE_SCRIPT = "scripts/api-baseline.sh";

    private ApiCompatibility() {
    }

    /** What broke, one line each; empty when {@code current} keeps every promise of {@code baseline}. */
    static List<String> breakingChanges(String baseline, String current) {
        return breakingChanges(OpenApiCompare.fromContents(baseline, current));
    }

    private static List<String> breakingChanges(ChangedOpenApi diff) {
        Set<String> breaks = new TreeSet<>();
        diff.getMissingEndpoints().forEach(endpoint ->
                breaks.add("removed operation " + endpoint.getMethod() + " " + endpoint.getPathUrl()));
        for (ChangedOperation operation : diff.getChangedOperations()) {
            String name = operation.getHttpMethod() + " " + operation.getPathUrl();
            List<String> found = new ArrayList<>();
            Set<Changed> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            fieldBreaks(operation.getRequestBody(), "", found, seen);
            fieldBreaks(operation.getApiResponses(), "", found, seen);
            found.forEach(line -> breaks.add(line + " of " + name));
            if (found.isEmpty() && operation.isIncompatible()) {
                breaks.add("incompatible change to " + name + " (see the change log below)");
            }
        }
        return List.copyOf(breaks);
    }

    /** Names the fields behind a break: removed from a response, newly required in a request, of another type. */
    private static void fieldBreaks(Changed changed, String field, List<String> found, Set<Changed> seen) {
        if (changed == null || !seen.add(changed)) {
            return;
        }
        if (changed instanceof ChangedSchema schema && schema.getContext() != null) {
            boolean response = schema.getContext().isResponse();
            String side = response ? "response field " : "request field ";
            if (response) {
                schema.getMissingProperties().keySet().forEach(name -> found.add("removed " + side + field + name));
            } else if (schema.getRequired() != null) {
                schema.getRequired().getIncreased().forEach(name -> found.add("new required " + side + field + name));
            }
            if (schema.isChangedType()) {
                found.add("changed type of " + (field.isEmpty() ? (response ? "a response" : "a request")
                        : side + field.substring(0, field.length() - 1)));
            }
            // a schema's own changes (properties, items) are not all among its "changed elements"
            schema.getChangedProperties().forEach((name, property) -> fieldBreaks(property, field + name + ".", found,
                    seen));
            fieldBreaks(schema.getItems(), field, found, seen);
        }
        if (changed instanceof ComposedChanged composed) {
            composed.getChangedElements().forEach(element -> fieldBreaks(element, field, found, seen));
        }
    }

    /**
     * Fails with the list of breaks, the way to make a deliberate break, and openapi-diff's change log, unless
     * {@code current} is compatible with {@code baseline}.
     */
    static void assertCompatible(String baseline, String current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(baseline, current);
        List<String> breaks = breakingChanges(diff);
        if (!breaks.isEmpty()) {
            throw new AssertionError(message(breaks, new ConsoleRender().render(diff)));
        }
    }

    static String message(List<String> breaks, String changeLog) {
        return "The API no longer keeps the contract in " + BASELINE + "; clients built against it would break:\n"
                + String.join("\n", breaks.stream().map(line -> "  - " + line).toList()) + "\n"
                + "Restore what was removed or narrowed, or add it beside the old form. If the break is deliberate,"
                + " run " + UPDATE_SCRIPT + " and commit the regenerated " + BASELINE + " in the same change,"
                + " saying in its message what clients must change.\n" + changeLog;
    }

    /** The baseline file: {@link #BASELINE} under the first directory, from the working one up, with a Docs folder. */
    static Path baselineFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("Docs"))) {
                return dir.resolve(BASELINE);
            }
        }
        throw new IllegalStateException("no Docs folder above the working directory");
    }

    static String readBaseline() {
        try {
            return Files.readString(baselineFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API baseline " + BASELINE + "; create it with "
                    + UPDATE_SCRIPT, e);
        }
    }
}
