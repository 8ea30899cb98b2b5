package org.bangui.adapters.web.security;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;

/** The {@code bangui_session} cookie: HttpOnly, SameSite=Strict, Secure unless configured off. */
public final class SessionCookie {

    /** The cookie name. */
    public static final String NAME = "bangui_session";

    private final boolean secure;

    public SessionCookie(boolean secure) {
        this.secure = secure;
    }

    /** A cookie carrying {@code value} that the browser keeps for {@code maxAge}. */
    public Cookie issue(String value, Duration maxAge) {
        return Cookie.of(NAME, value).httpOnly(true).secure(secure).sameSite(SameSite.Strict).path("/")
                .maxAge(maxAge);
    }

    /** A cookie that makes the browser forget the session cookie. */
    public Cookie clear() {
        return Cookie.of(NAME, "").httpOnly(true).secure(secure).sameSite(SameSite.Strict).path("/").maxAge(0);
    }
}
