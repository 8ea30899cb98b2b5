package org.bangui.adapters.geoip.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny MaxMind DB writer for tests (MaxMind's own writers are Perl and Go): an IPv6 search tree with 32-bit
 * records, IPv4 networks under ::/96, a data section of maps, strings, unsigned integers and arrays, and the
 * metadata. Networks must not overlap.
 */
public final class MmdbWriter {

    private final String databaseType;
    private final List<int[]> nodes = new ArrayList<>(); // {left, right}; -1 empty, -2-n data record n
    private final List<Object> records = new ArrayList<>();

    /** A database of this type (as MaxMind names them: {@code GeoIP2-Country}, {@code GeoLite2-ASN}). */
    public MmdbWriter(String databaseType) {
        this.databaseType = databaseType;
        nodes.add(new int[] {-1, -1});
    }

    /** Maps a network ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) to a record (a map). */
    public MmdbWriter network(String cidr, Map<String, Object> record) {
        String[] parts = cidr.split("/");
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
        int prefix = Integer.parseInt(parts[1]);
        byte[] bits = new byte[16];
        if (address.length == 4) {
            System.arraycopy(address, 0, bits, 12, 4);
            prefix += 96;
        } else {
            bits = address;
        }
        records.add(record);
        int data = -2 - (records.size() - 1);
        int node = 0;
        for (int depth = 0; depth < prefix; depth++) {
            int bit = (bits[depth / 8] >> (7 - depth % 8)) & 1;
            if (depth == prefix - 1) {
                nodes.get(node)[bit] = data;
            } else {
                int next = nodes.get(node)[bit];
                if (next < 0) {
                    nodes.add(new int[] {-1, -1});
                    next = nodes.size() - 1;
                    nodes.get(node)[bit] = next;
                }
                node = next;
            }
        }
        return this;
    }

    /** The file's bytes. */
    public byte[] build(long buildEpoch) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            offsets[i] = data.size();
            encode(data, records.get(i));
        }
        int nodeCount = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] node : nodes) {
            for (int value : node) {
                long record = value == -1 ? nodeCount : value >= 0 ? value : nodeCount + 16L + offsets[-2 - value];
                out.write((int) (record >>> 24));
                out.write((int) (record >>> 16));
                out.write((int) (record >>> 8));
                out.write((int) record);
            }
        }
        out.writeBytes(new byte[16]);
        out.writeBytes(data.toByteArray());
        out.writeBytes(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.writeBytes("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", (long) nodeCount);
        metadata.put("record_size", 32L);
        metadata.put("ip_version", 6L);
        metadata.put("database_type", databaseType);
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", 2L);
        metadata.put("binary_format_minor_version", 0L);
        metadata.put("build_epoch", BigInteger.valueOf(buildEpoch));
        metadata.put("description", Map.of("en", "test database"));
        encodeMetadata(out, metadata);
        return out.toByteArray();
    }

    /** Writes the file atomically (a temporary file renamed over {@code target}). */
    public void write(Path target, long buildEpoch) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, build(buildEpoch));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void encodeMetadata(ByteArrayOutputStream out, Map<String, Object> metadata) {
        // the metadata's integers have fixed types in the spec: uint16 for the small ones, uint32, uint64
        control(out, 7, metadata.size());
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            encode(out, e.getKey());
            Object value = e.getValue();
            switch (e.getKey()) {
                case "record_size", "ip_version", "binary_format_major_version", "binary_format_minor_version" ->
                        unsigned(out, 5, ((Long) value));
                case "build_epoch" -> unsigned(out, 9, ((BigInteger) value).longValueExact());
                default -> encode(out, value);
            }
        }
    }

    private static void encode(ByteArrayOutputStream out, Object value) {
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            control(out, 2, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof Long || value instanceof Integer) {
            long v = ((Number) value).longValue();
            unsigned(out, v <= 0xFFFFFFFFL ? 6 : 9, v);
        } else if (value instanceof Map<?, ?> map) {
            control(out, 7, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                encode(out, e.getKey());
                encode(out, e.getValue());
            }
        } else if (value instanceof List<?> list) {
            control(out, 11, list.size());
            list.forEach(v -> encode(out, v));
        } else {
            throw new IllegalArgumentException("unsupported value " + value);
        }
    }

    private static void unsigned(ByteArrayOutputStream out, int type, long value) {
        byte[] bytes = BigInteger.valueOf(value).toByteArray();
        int start = bytes[0] == 0 ? 1 : 0;
        int length = value == 0 ? 0 : bytes.length - start;
        control(out, type, length);
        out.write(bytes, start, length);
    }

    private static void control(ByteArrayOutputStream out, int type, int size) {
        int typeBits = type <= 7 ? type : 0;
        int sizeBits;
        byte[] extra;
        if (size < 29) {
            sizeBits = size;
            extra = new byte[0];
        } else if (size < 285) {
            sizeBits = 29;
            extra = new byte[] {(byte) (size - 29)};
        } else if (size < 65_821) {
            sizeBits = 30;
            int s = size - 285;
            extra = new byte[] {(byte) (s >> 8), (byte) s};
        } else {
            sizeBits = 31;
            int s = size - 65_821;
            extra = new byte[] {(byte) (s >> 16), (byte) (s >> 8), (byte) s};
        }
        out.write((typeBits << 5) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        out.writeBytes(extra);
    }
}
