package org.bangui.adapters.fail2ban.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding of reply bytes captured from a real fail2ban 1.0.2 server. */
class Fail2banCodecTest {

    static byte[] capture(String name) {
        try (InputStream in = Fail2banCodecTest.class.getResourceAsStream("/captures/" + name + ".bin")) {
            if (in == null) {
                throw new IllegalStateException("missing capture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object decode(String name) {
        byte[] frame = capture(name);
        return Fail2banCodec.decode(frame, frame.length);
    }

    @Test
    void decodesPlainStringReplies() {
        assertThat(decode("ping")).isEqualTo("pong");
        assertThat(decode("version")).isEqualTo("1.0.2");
    }

    @Test
    void decodesIpAddrValuesPickledAsBuiltinsStr() {
        assertThat(decode("ignoreip")).isEqualTo(List.of("127.0.0.0/8", "198.51.100.0/28", "192.0.2.250", "::1"));
        assertThat(decode("banned_ip2")).isEqualTo(List.of(List.of("sshd")));
    }

    @Test
    void decodesStatusAsTuplesOfLabelAndValue() {
        Object status = decode("status");
        assertThat(status).isInstanceOf(List.class);
        Object[] first = (Object[]) ((List<?>) status).get(0);
        assertThat(first).containsExactly("Number of jail", 3);
    }

    @Test
    void decodesLongBanListsThatCameInSeveralChunks() {
        List<?> lines = (List<?>) decode("banip_blocklist_with_time");
        assertThat(lines).hasSize(1500);
        assertThat((String) lines.get(0)).startsWith("10.0.0.1 \t");
    }

    @Test
    void decodesDictionariesOfBannedListsPerJail() {
        List<?> perJail = (List<?>) decode("banned_all");
        assertThat(perJail).hasSize(3);
        assertThat(((Map<?, ?>) perJail.get(0)).keySet()).isEqualTo(java.util.Set.of("sshd"));
    }

    @Test
    void turnsUnknownJailExceptionReplyIntoTypedError() {
        assertThatThrownBy(() -> decode("unknown_jail"))
                .isInstanceOfSatisfying(Fail2banErrorReply.class, e -> {
                    assertThat(e.isUnknownJail()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("nosuchjail");
                });
    }

    @Test
    void turnsBuiltinExceptionRepliesIntoTypedErrors() {
        assertThatThrownBy(() -> decode("invalid_command"))
                .isInstanceOfSatisfying(Fail2banErrorReply.class, e -> {
                    assertThat(e.pythonType()).isEqualTo("Exception");
                    assertThat(e.getMessage()).isEqualTo("Invalid command");
                });
        assertThatThrownBy(() -> decode("unban_absent_report"))
                .isInstanceOfSatisfying(Fail2banErrorReply.class,
                        e -> assertThat(e.pythonType()).isEqualTo("ValueError"));
    }

    @Test
    void keepsFirstArgumentOfFileNotFoundError() {
        assertThatThrownBy(() -> decode("addlogpath_missing"))
                .isInstanceOfSatisfying(Fail2banErrorReply.class,
                        e -> assertThat(e.pythonType()).isEqualTo("FileNotFoundError"));
    }

    @Test
    void turnsBareErrorStringIntoTypedError() {
        assertThatThrownBy(() -> decode("unpicklable_request"))
                .isInstanceOfSatisfying(Fail2banErrorReply.class, e -> {
                    assertThat(e.pythonType()).isEqualTo("ERROR");
                    assertThat(e.getMessage()).startsWith("ERROR: pickle data was truncated");
                });
    }

    @Test
    void refusesFrameWithoutEndMarker() {
        byte[] frame = capture("ping");
        byte[] truncated = Arrays.copyOf(frame, frame.length - 3);
        assertThatThrownBy(() -> Fail2banCodec.decode(truncated, truncated.length))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void refusesGarbageBetweenMarkers() {
        byte[] frame = "not a pickle<F2B_END_COMMAND>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Fail2banCodec.decode(frame, frame.length)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void encodesFramedPickleOfTheCommandList() throws IOException {
        List<Object> command = List.of("set", "sshd", "banip", "192.0.2.1", 5, true);
        byte[] frame = Fail2banCodec.encode(command);
        assertThat(Fail2banCodec.isComplete(frame, frame.length)).isTrue();
        byte[] pickle = Arrays.copyOf(frame, frame.length - Fail2banCodec.END.length);
        assertThat(new Fail2banUnpickler().loads(pickle)).isEqualTo(command);
    }

    @Test
    void refusesArgumentsCarryingProtocolMarkers() {
        assertThatThrownBy(() -> Fail2banCodec.encode(List.of("status", "x<F2B_END_COMMAND>")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fail2banCodec.encode(List.of("set", "j", "bantime", 1.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
