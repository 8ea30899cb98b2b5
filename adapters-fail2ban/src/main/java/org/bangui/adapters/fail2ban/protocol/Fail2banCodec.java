package org.bangui.adapters.fail2ban.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Pickler;

/**
 * Encodes commands and decodes replies of fail2ban's socket protocol. A request is a pickled list followed
 * by {@link #END}; a reply is a pickled {@code (code, value)} tuple followed by {@link #END}.
 */
public final class Fail2banCodec {

    /** Terminates every request and reply. */
    public static final byte[] END = "<F2B_END_COMMAND>".getBytes(StandardCharsets.US_ASCII);
    /** Asks the server to close the connection; it sends no reply. */
    public static final byte[] CLOSE = "<F2B_CLOSE_COMMAND><F2B_END_COMMAND>".getBytes(StandardCharsets.US_ASCII);

    private Fail2banCodec() {
    }

    /**
     * Pickles a command. Arguments must be strings, integers or booleans; strings must not contain a protocol
     * marker, which would split the request on the server.
     *
     * @throws IllegalArgumentException for any other argument
     */
    public static byte[] encode(List<?> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        for (Object argument : command) {
            if (argument instanceof String text) {
                if (text.contains("<F2B_")) {
                    throw new IllegalArgumentException("argument contains a fail2ban protocol marker");
                }
            } else if (!(argument instanceof Integer || argument instanceof Long || argument instanceof Boolean)) {
                throw new IllegalArgumentException("unsupported argument type: " + argument);
            }
        }
        try {
            byte[] pickle = new Pickler(false).dumps(command);
            byte[] frame = Arrays.copyOf(pickle, pickle.length + END.length);
            System.arraycopy(END, 0, frame, pickle.length, END.length);
            return frame;
        } catch (IOException | PickleException e) {
            throw new IllegalArgumentException("cannot pickle command", e);
        }
    }

    /** True if {@code buffer[0..length)} ends with {@link #END}. */
    public static boolean isComplete(byte[] buffer, int length) {
        if (length < END.length) {
            return false;
        }
        return Arrays.equals(buffer, length - END.length, length, END, 0, END.length);
    }

    /**
     * Decodes one complete reply frame (end marker included).
     *
     * @return the value of a {@code (0, value)} reply; IP addresses arrive as strings
     * @throws Fail2banErrorReply for {@code (1, exception)} and bare {@code "ERROR: ..."} replies
     * @throws ProtocolException if the bytes are not a fail2ban reply
     */
    public static Object decode(byte[] frame, int length) {
        if (!isComplete(frame, length)) {
            throw new ProtocolException("reply is not terminated by the end marker");
        }
        Object reply;
        Fail2banUnpickler unpickler = new Fail2banUnpickler();
        try {
            reply = unpickler.loads(Arrays.copyOf(frame, length - END.length));
        } catch (IOException | RuntimeException e) {
            throw new ProtocolException("unreadable reply: " + e.getMessage(), e);
        } finally {
            unpickler.close();
        }
        if (reply instanceof String text && text.startsWith("ERROR")) {
            throw new Fail2banErrorReply("ERROR", text);
        }
        if (reply instanceof Object[] tuple && tuple.length == 2 && tuple[0] instanceof Integer code) {
            if (code == 0) {
                return tuple[1];
            }
            if (tuple[1] instanceof PythonError error) {
                throw new Fail2banErrorReply(error.type(), error.message());
            }
            throw new Fail2banErrorReply("ERROR", String.valueOf(tuple[1]));
        }
        throw new ProtocolException("unexpected reply shape: " + describe(reply));
    }

    private static String describe(Object reply) {
        return reply == null ? "None" : reply.getClass().getSimpleName();
    }
}
