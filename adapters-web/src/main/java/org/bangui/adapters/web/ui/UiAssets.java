package org.bangui.adapters.web.ui;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The built UI files from the class path, read once each and kept in memory (a few files, tens of KB). */
@Singleton
public class UiAssets {

    /** Vite's output names: a name, a content hash and an extension; nothing else is ever looked up. */
    private static final Pattern ASSET_NAME = Pattern.compile(
            "[A-Za-z0-9_-]{1,100}(\\.[A-Za-z0-9_-]{1,40}){0,2}\\.[a-z0-9]{1,8}");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "woff2", "font/woff2", "json", "application/json",
            "html", "text/html; charset=utf-8");

    private final ClassLoader loader = UiAssets.class.getClassLoader();
    private final Map<String, StaticFile> found = new ConcurrentHashMap<>();

    /** The app shell, if the UI was built into this jar. */
    public Optional<StaticFile> index() {
        return load("public/index.html");
    }

    /** An asset by its file name under {@code assets/}; empty for a name that is not one of the built files. */
    public Optional<StaticFile> asset(String name) {
        if (name == null || !ASSET_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (!TYPES.containsKey(extension)) {
            return Optional.empty();
        }
        return load("public/assets/" + name);
    }

    private Optional<StaticFile> load(String resource) {
        StaticFile known = found.get(resource);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty(); // not cached: only files that exist are kept, so the map stays bounded
            }
            byte[] bytes = in.readAllBytes();
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            StaticFile file = StaticFile.of(bytes, TYPES.get(extension));
            found.put(resource, file);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the UI files could not be read", e);
        }
    }

}
