package org.bangui.adapters.web.ui;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;
import org.bangui.adapters.web.security.PublicRoute;

/**
 * The web UI: the app shell at {@code /} and at every page of the app (so a reload or a bookmark of
 * {@code /jails/sshd} works), and the built assets. Page paths are listed, not matched by a catch-all, so an
 * unknown {@code /api/v1} path stays a 404 problem instead of becoming the shell.
 */
@Hidden
@Controller
public class UiController {

    /**
     * The UI's own policy: scripts, styles, images and API calls from this origin only; no framing, no plugins.
     * The world map and every other part of the app ship in the jar, so nothing needs another origin.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String PAGES = "dashboard|jails|bans|history|blocklists|config|jobs|audit|settings|"
            + "login|setup";

    private final UiAssets assets;

    UiController(UiAssets assets) {
        this.assets = assets;
    }

    /** The app shell at the root. */
    @Get
    @PublicRoute
    public HttpResponse<byte[]> root(HttpRequest<?> request) {
        return shell(request);
    }

    /**
     * The app shell at a page's path; the app reads the path and shows that page. The rest, if any, starts
     * with a slash: {@code /jails/sshd} is a page, {@code /dashboardx} is not.
     */
    @Get("/{page:" + PAGES + "}{/rest:/.*}")
    @PublicRoute
    public HttpResponse<byte[]> page(HttpRequest<?> request, @PathVariable String page,
                                     @Nullable @PathVariable String rest) {
        return shell(request);
    }

    /** A built asset; its name carries a hash of its content, so it may be cached for good. */
    @Get("/assets/{name}")
    @PublicRoute
    public HttpResponse<byte[]> asset(HttpRequest<?> request, @PathVariable String name) {
        StaticFile file = assets.asset(name).orElseThrow(() -> new UiFileNotFoundException("unknown_asset",
                "there is no such file of the web UI"));
        return file.answer(request, "public, max-age=31536000, immutable");
    }

    private HttpResponse<byte[]> shell(HttpRequest<?> request) {
        StaticFile file = assets.index().orElseThrow(() -> new UiFileNotFoundException("ui_not_built",
                "this build of BanGUI has no web UI"));
        // revalidated on every load, so a new version is picked up at once; the assets it names are immutable
        return file.answer(request, "no-cache");
    }
}
