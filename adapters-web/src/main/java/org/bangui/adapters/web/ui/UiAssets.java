package org.bangui.adapters.web.ui;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    private final Map<String, UiFile> found = new ConcurrentHashMap<>();

    /** One file: its bytes, its media type and a strong ETag. */
    public record UiFile(byte[] bytes, String contentType, String etag) {
    }

    /** The app shell, if the UI was built into this jar. */
    public Optional<UiFile> index() {
        return load("public/index.html");
    }

    /** An asset by its file name under {@code assets/}; empty for a name that is not one of the built files. */
    public Optional<UiFile> asset(String name) {
        if (name == null || !ASSET_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (!TYPES.containsKey(extension)) {
            return Optional.empty();
        }
        return load("public/assets/" + name);
    }

    private Optional<UiFile> load(String resource) {
        UiFile known = found.get(resource);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty(); // not cached: only files that exist are kept, so the map stays bounded
            }
            byte[] bytes = in.readAllBytes();
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            UiFile file = new UiFile(bytes, TYPES.get(extension), "\"" + sha256(bytes).substring(0, 32) + "\"");
            found.put(resource, file);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the UI files could not be read", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
