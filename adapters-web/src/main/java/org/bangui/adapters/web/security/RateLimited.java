package org.bangui.adapters.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.bangui.application.ratelimit.LimitedAction;

/**
 * Declares the per-action rate limit of a controller method, applied by {@link SecurityFilter} besides the
 * global per-client limit. Read from the route the request matched, so {@code /bans/}, {@code /bans} and any
 * other spelling that reaches the method share its bucket.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** The bucket; {@link LimitedAction#GLOBAL} and {@link LimitedAction#LOGIN_FAILURES} are applied elsewhere. */
    LimitedAction value();
}
