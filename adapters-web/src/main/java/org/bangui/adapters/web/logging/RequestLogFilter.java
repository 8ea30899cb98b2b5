package org.bangui.adapters.web.logging;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.bangui.adapters.web.security.RequestContext;
import org.bangui.domain.session.Session;

/**
 * The first request filter: chooses the request's {@link RequestId} and adds the {@link RequestLogContext} to
 * the request's propagated context, which Micronaut applies around every later filter, the route and the work
 * it hands to its executors. The response header is set by the outermost response filter
 * ({@code EveryResponseFilter}), which also sees the answers given before any request filter ran.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLogFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    public void enter(HttpRequest<?> request, MutablePropagatedContext context) {
        context.add(new RequestLogContext(RequestId.of(request),
                () -> RequestContext.knownSession(request).map(Session::id)));
    }
}
