package org.bangui.adapters.web.openapi;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.bangui.adapters.web.ui.StaticFile;

/**
 * The files of the API documentation page: Swagger UI's from its webjar, the page and its initializer from this
 * module. A fixed list of names, each mapped to one class-path resource; any other name finds nothing, so no
 * spelling of a name reaches another resource.
 */
@Singleton
public class ApiDocsAssets {

    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String WEBJAR_FILES = "META-INF/resources/webjars/swagger-ui/";
    private static final String OWN_FILES = "bangui-docs/";
    private static final String JS = "text/javascript; charset=utf-8";

    /** The names served under {@code /api/v1/docs/}, with their media types; the page is {@link #page()}. */
    private static final Map<String, String> SWAGGER_FILES = Map.of("swagger-ui-bundle.js", JS,
            "swagger-ui.css", "text/css; charset=utf-8", "favicon-32x32.png", "image/png");
    private static final Map<String, String> OWN = Map.of("initializer.js", JS);

    private final ClassLoader loader = ApiDocsAssets.class.getClassLoader();
    private final Map<String, StaticFile> found = new ConcurrentHashMap<>();


    /** The documentation page. */
    public StaticFile page() {
        return load(OWN_FILES + "index.html", "text/html; charset=utf-8").orElseThrow(
                () -> new IllegalStateException("the API documentation page is missing from the build"));
    }

    /** A file of the page by its name; empty for any name that is not one of the listed files. */
    public Optional<StaticFile> file(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (OWN.containsKey(name)) {
            return load(OWN_FILES + name, OWN.get(name));
        }
        if (SWAGGER_FILES.containsKey(name)) {
            return load(WEBJAR_FILES + swaggerUiVersion() + "/" + name, SWAGGER_FILES.get(name));
        }
        return Optional.empty();
    }

    private String swaggerUiVersion() {
        try (InputStream in = loader.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (!version.matches("[0-9A-Za-z.-]{1,40}")) {
                throw new IllegalStateException("Swagger UI's version is unreadable");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Swagger UI's files could not be read", e);
        }
    }

    private Optional<StaticFile> load(String resource, String contentType) {
        StaticFile known = found.get(resource);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            StaticFile file = StaticFile.of(bytes, contentType);
            found.put(resource, file); // bounded: only the listed names are ever loaded
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the API documentation files could not be read", e);
        }
    }

}
