package org.bangui.adapters.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that answers without a session and before setup: the probes, setup and login.
 * {@link SecurityFilter} reads it from the route the request matched, so no spelling of the path can make a
 * protected route public or the other way round; a request that matches no route is protected.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicRoute {
}
