package org.bangui.adapters.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.bangui.domain.blocklist.BlocklistDownloadException;

/**
 * The streams between the socket and the body reader: a counter of wire bytes, the gzip decoder, a cap on
 * the decoded bytes (checked as they come, so a gzip bomb stops at the cap) and a guard that turns every
 * read failure into a {@link BlocklistDownloadException} with a stable code.
 */
final class BodyStreams {

    private BodyStreams() {
    }

    /** The decoded body over {@code wire}; every failure to read it surfaces as {@code translate} says. */
    static Guarded decoded(InputStream wire, boolean gzip, long maxBytes,
            Function<IOException, BlocklistDownloadException> translate) {
        try {
            InputStream decoded = gzip ? new GZIPInputStream(wire, 8192) : wire;
            return new Guarded(new Capped(decoded, maxBytes), translate);
        } catch (IOException e) {
            throw translate.apply(e);
        }
    }

    /** Counts the bytes read from the connection (compressed bytes for a gzip body). */
    static final class Counting extends FilterInputStream {

        private long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Ends the read with {@code too_large} as soon as more than {@code maxBytes} decoded bytes arrive. */
    private static final class Capped extends FilterInputStream {

        private final long maxBytes;
        private long count;

        Capped(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            if (count > maxBytes) {
                throw new BlocklistDownloadException("too_large",
                        "the list is larger than the limit of " + maxBytes + " bytes");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping must count too, or a reader that skips would pass the cap unnoticed
            byte[] skipped = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            return Math.max(read(skipped, 0, skipped.length), 0);
        }
    }

    /** Turns {@link IOException}s of the layers below into coded failures. */
    static final class Guarded extends FilterInputStream {

        private final Function<IOException, BlocklistDownloadException> translate;

        Guarded(InputStream in, Function<IOException, BlocklistDownloadException> translate) {
            super(in);
            this.translate = translate;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw translate.apply(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw translate.apply(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw translate.apply(e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (IOException e) {
                throw translate.apply(e);
            }
        }

        /** Closing is left to the adapter, which aborts the connection rather than draining the rest. */
        @Override
        public void close() {
        }

        /** Frees the decoder; call after the connection was aborted, since closing would drain the body. */
        void release() {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                // the connection is already gone; nothing is left to free but the decoder, freed first
            }
        }
    }
}
