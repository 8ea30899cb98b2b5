package org.bangui.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import net.logstash.logback.composite.AbstractFieldJsonProvider;

/**
 * Writes the {@code event} field of every JSON line ({@link LogEvents#of}), unless a structured argument
 * already writes it (the security events): one {@code event} per line, never two.
 */
public class EventJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

    public EventJsonProvider() {
        setFieldName(LogEvents.FIELD);
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        if (LogEvents.structured(event) == null) {
            generator.writeStringField(getFieldName(), LogEvents.of(event));
        }
    }
}
