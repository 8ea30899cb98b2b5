package org.bangui.application.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random tokens, their hashes, and the HMAC signature that binds a session cookie to the server's secret.
 * A cookie is {@code token.signature}, both base64url; a cookie signed with another secret never validates,
 * so rotating the secret ends every session.
 */
public final class SessionTokens {

    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();
    private final byte[] secret;
    /** Mac instances are not thread-safe and costly to look up: one per thread, keyed once. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @throws IllegalArgumentException if the secret is shorter than 32 bytes */
    public SessionTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the session secret must be at least 32 bytes");
        }
        this.secret = Arrays.copyOf(secret, secret.length);
    }

    /** A fresh random token, 256 bits, base64url. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** A fresh random session id, 128 bits, hex. */
    public String newSessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The cookie value for {@code token}. */
    public String sign(String token) {
        return token + "." + B64.encodeToString(mac(token));
    }

    /** The token inside a cookie value, if the value is well-formed and signed with this secret. */
    public Optional<String> verify(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 256) {
            return Optional.empty();
        }
        int dot = cookieValue.indexOf('.');
        if (dot <= 0 || dot != cookieValue.lastIndexOf('.')) {
            return Optional.empty();
        }
        String token = cookieValue.substring(0, dot);
        byte[] signature;
        try {
            signature = B64_DECODER.decode(cookieValue.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(signature, mac(token)) ? Optional.of(token) : Optional.empty();
    }

    /** Hex SHA-256 of a token: what the store keeps instead of the token. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant-time equality of two strings. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String token) {
        return macs.get().doFinal(token.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
