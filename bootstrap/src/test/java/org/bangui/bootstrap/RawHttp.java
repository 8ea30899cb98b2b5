package org.bangui.bootstrap;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends hand-written HTTP/1.1 requests over a plain socket, for the requests the JDK client refuses to send
 * (overlong lines, bad escapes, hundreds of headers). Every request asks the server to close the connection,
 * so the answer is whatever arrives until the end of the stream.
 */
final class RawHttp {

    private final int port;
    private final JsonMapper json;

    RawHttp(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    /**
     * Sends {@code method target} with {@code headers} (full header lines, without line ends) and no body. The
     * answer's status line is under the pseudo-header {@code :status-line}.
     */
    Api.Response send(String method, String target, List<String> headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private Api.Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(":status-line", List.of(lines[0]));
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    List.of(lines[i].substring(colon + 1).trim()));
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        return new Api.Response(status, text.substring(end + 4), headers, json);
    }
}
