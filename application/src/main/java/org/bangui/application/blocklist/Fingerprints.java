package org.bangui.application.blocklist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;

/**
 * What an import applied: {@code <filter>:<body>}, two SHA-256 digests in hex. The filter digest covers the
 * jail and what {@link ListFilter} takes out (the jail's literal {@code ignoreip}, the host's addresses); the body
 * digest the downloaded bytes (decoded). Equal fingerprints mean the same list applied through the same filter.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static String filter(JailName jail, Collection<IpNetwork> ignoreIp, Collection<IpAddress> own) {
        TreeSet<String> parts = new TreeSet<>();
        ignoreIp.forEach(n -> parts.add("i " + n.normalized()));
        own.forEach(a -> parts.add("o " + a.text()));
        MessageDigest digest = sha256();
        digest.update(("j " + jail.value() + "\n" + String.join("\n", parts)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(String filter, String body) {
        return filter + ":" + body;
    }

    /** The filter part of a fingerprint. */
    static String filterOf(String fingerprint) {
        int colon = fingerprint.indexOf(':');
        return colon < 0 ? "" : fingerprint.substring(0, colon);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
