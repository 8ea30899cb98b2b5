package org.bangui.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/** RFC 5424 messages over a stream, framed by octet counting (RFC 6587 3.4.1): {@code <length> <message>}. */
public class OctetCountingEncoder extends EncoderBase<ILoggingEvent> {

    private final Rfc5424Layout layout;

    public OctetCountingEncoder(Rfc5424Layout layout) {
        this.layout = layout;
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] message = layout.doLayout(event).getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(message, 0, frame, prefix.length, message.length);
        return frame;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
