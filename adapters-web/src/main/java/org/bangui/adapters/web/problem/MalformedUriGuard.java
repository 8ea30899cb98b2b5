package org.bangui.adapters.web.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.web.router.uri.UriUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Puts a handler between Netty's HTTP decoder and Micronaut that marks a request whose target
 * {@link java.net.URI} cannot parse (a bad escape such as {@code %ZZ}) as a decoding failure. Micronaut
 * otherwise swaps such a request for an anonymous request to {@code /}, without headers, that the security
 * filter refuses with 401 even when the caller has a session; as a decoding failure it is answered like the
 * decoder's own failures, as a 400 problem (see {@link ProtocolFailure}). Netty's placeholder for an unreadable
 * request line claims HTTP/1.0; the handler makes it HTTP/1.1 so the answer is an ordinary HTTP/1.1 response.
 */
@Singleton
@Requires(classes = NettyServerCustomizer.class)
final class MalformedUriGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** The handler's name in the channel pipeline. */
    static final String HANDLER_NAME = "bangui-malformed-uri-guard";
    /** The target Netty gives a request whose request line it could not read. */
    private static final String NETTY_PLACEHOLDER = "/bad-request";

    private final MarkHandler handler;

    MalformedUriGuard(HttpServerConfiguration server) {
        this.handler = new MarkHandler(server.isEscapeHtmlUrl());
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null, handler));
        return event.getBean();
    }

    /** Adds the handler to each HTTP/1 connection's pipeline, in front of Micronaut's inbound handler. */
    private record Customizer(Channel channel, MarkHandler handler) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION || role == ChannelRole.REQUEST_STREAM
                    ? new Customizer(channel, handler) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER_NAME, handler);
            }
        }
    }

    /** Parses the target the way Micronaut's request does, and marks the request if that fails. */
    @ChannelHandler.Sharable
    private static final class MarkHandler extends ChannelInboundHandlerAdapter {

        private final boolean escapeHtmlUrl;

        MarkHandler(boolean escapeHtmlUrl) {
            this.escapeHtmlUrl = escapeHtmlUrl;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request) {
                if (request.decoderResult().isSuccess()) {
                    check(request);
                } else if (NETTY_PLACEHOLDER.equals(request.uri())) {
                    request.setProtocolVersion(HttpVersion.HTTP_1_1);
                }
            }
            ctx.fireChannelRead(message);
        }

        private void check(HttpRequest request) {
            String target = request.uri();
            if (UriUtil.isValidPath(target)) {
                return; // the common case: Micronaut does not parse it eagerly either
            }
            if (escapeHtmlUrl && UriUtil.isRelative(target)) {
                target = UriUtil.toValidPath(target);
            }
            try {
                URI uri = URI.create(target);
                if (uri.getScheme() != null || uri.getAuthority() != null) {
                    // Micronaut rebuilds an absolute-form target from its parts; that must work too
                    new URI(null, null, uri.getPath(), uri.getQuery(), uri.getFragment());
                }
            } catch (IllegalArgumentException malformed) {
                mark(request, malformed.getCause() instanceof URISyntaxException syntax ? syntax
                        : new URISyntaxException("?", "malformed request target"));
            } catch (URISyntaxException malformed) {
                mark(request, malformed);
            }
        }

        private static void mark(HttpRequest request, URISyntaxException cause) {
            request.setUri("/");
            request.setDecoderResult(DecoderResult.failure(cause));
        }
    }
}
