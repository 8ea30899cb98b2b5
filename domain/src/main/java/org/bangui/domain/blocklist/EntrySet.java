package org.bangui.domain.blocklist;

import static org.bangui.domain.blocklist.PackedNetwork.EMPTY;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.bangui.domain.net.IpNetwork;

/**
 * A set of normalised networks (host bits cleared; a host is a /32 or /128), packed so that a blocklist of a
 * million entries fits in about 25-35 bytes per entry: open addressing with linear probing over three
 * parallel arrays (two longs for the address, one byte for family and prefix, see {@link PackedNetwork}).
 * Entries are compared on every bit, family and prefix, never on a hash alone. Removal shifts the following
 * entries back, so no tombstones accumulate.
 *
 * <p>Iteration runs in slot order, which is neither the insertion order nor the same from one set to the next:
 * each set seeds its hash at random. With one fixed hash, copying a large set into a growing one in slot order
 * (what every diff does) lands the entries in long runs of neighbouring slots, and linear probing turns
 * quadratic: a 300,000-entry diff took seconds. The seed also keeps a crafted list from colliding. Not
 * thread-safe.
 */
public final class EntrySet {

    private static final int MIN_CAPACITY = 8;
    /** Fill at most 7 slots in 10: probe sequences stay short and a full table costs ~24 bytes per entry. */
    private static final int LOAD_PERCENT = 70;

    private long[] highs;
    private long[] lows;
    private byte[] kinds;
    private int size;
    private int threshold;
    private final long seed = ThreadLocalRandom.current().nextLong();

    /** An empty set for a small number of entries; it grows as needed. */
    public EntrySet() {
        this(0);
    }

    /**
     * An empty set sized for {@code expectedSize} entries without growing.
     *
     * @throws IllegalArgumentException if {@code expectedSize} is negative
     */
    public EntrySet(int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize must not be negative");
        }
        allocate(capacityFor(expectedSize));
    }

    /** A set of the given networks, normalised; duplicates collapse. */
    public static EntrySet of(Collection<IpNetwork> networks) {
        EntrySet set = new EntrySet(networks.size());
        networks.forEach(set::add);
        return set;
    }

    /**
     * Adds the normalised form of {@code network}.
     *
     * @return false if the set already held it
     * @throws NullPointerException if {@code network} is null
     */
    public boolean add(IpNetwork network) {
        PackedNetwork packed = PackedNetwork.of(network);
        return insert(packed.high(), packed.low(), packed.kind());
    }

    /**
     * Adds the IPv4 network {@code address/prefixLength} (the address as a big-endian int), host bits cleared.
     *
     * @return false if the set already held it
     * @throws IllegalArgumentException if the prefix is outside 0..32
     */
    public boolean addIpv4(int address, int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("IPv4 prefix length must be between 0 and 32");
        }
        return insert(0, PackedNetwork.ipv4Bits(address, prefixLength), PackedNetwork.ipv4Kind(prefixLength));
    }

    /**
     * Adds the IPv6 network whose 128-bit address is {@code high:low}, host bits cleared; an IPv4-mapped
     * address ({@code ::ffff:0:0/96} and longer) is added as the IPv4 network it denotes.
     *
     * @return false if the set already held it
     * @throws IllegalArgumentException if the prefix is outside 0..128, or shorter than 96 for a mapped address
     */
    public boolean addIpv6(long high, long low, int prefixLength) {
        PackedNetwork packed = PackedNetwork.ipv6(high, low, prefixLength);
        return insert(packed.high(), packed.low(), packed.kind());
    }

    /**
     * Adds an entry given as text ({@code 1.2.3.4}, {@code 198.51.100.0/24}, {@code 2001:db8::/32}), read by the
     * parser's byte-level reader: no object per entry. For reading back entries stored in fail2ban's spelling.
     *
     * @return false if the text is not an address or network (nothing is added); true otherwise, whether or not
     *         the entry was present already
     */
    public boolean addText(String text) {
        int length = text.length();
        if (length == 0 || length > 64) {
            return false;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
            bytes[i] = (byte) c;
        }
        LineOutcome outcome = EntryParser.parseInto(bytes, 0, length, this);
        return outcome == LineOutcome.ADDED || outcome == LineOutcome.DUPLICATE;
    }

    /** True if the normalised form of {@code network} is in the set. */
    public boolean contains(IpNetwork network) {
        PackedNetwork packed = PackedNetwork.of(network);
        return find(packed.high(), packed.low(), packed.kind()) >= 0;
    }

    /**
     * Removes the normalised form of {@code network}.
     *
     * @return false if it was not in the set
     */
    public boolean remove(IpNetwork network) {
        PackedNetwork packed = PackedNetwork.of(network);
        return removeKey(packed.high(), packed.low(), packed.kind());
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    /** True if the set holds no entry. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Hands every entry to {@code action}, in slot order (see the class comment). */
    public void forEach(Consumer<IpNetwork> action) {
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != EMPTY) {
                action.accept(PackedNetwork.unpack(highs[i], lows[i], kinds[i]));
            }
        }
    }

    /**
     * The entries in slot order, {@code max} at a time: each call of the iterator's {@code next} creates the
     * objects of one batch only. The set must not change while the iterator is used.
     */
    public Iterator<List<IpNetwork>> batches(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return new Iterator<>() {
            private int slot = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < kinds.length && kinds[i] == EMPTY) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return slot < kinds.length;
            }

            @Override
            public List<IpNetwork> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<IpNetwork> batch = new ArrayList<>(Math.min(max, size));
                while (slot < kinds.length && batch.size() < max) {
                    batch.add(PackedNetwork.unpack(highs[slot], lows[slot], kinds[slot]));
                    slot = advance(slot + 1);
                }
                return batch;
            }
        };
    }

    /** A new set of the entries of this set that are not in {@code other}; both sets stay unchanged. */
    public EntrySet minus(EntrySet other) {
        return minusAll(other);
    }

    /** A new set of the entries of this set that are in none of {@code others}; all sets stay unchanged. */
    public EntrySet minusAll(EntrySet... others) {
        EntrySet result = new EntrySet(); // grows to what it holds: a diff is usually small
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != EMPTY && !inAny(others, highs[i], lows[i], kinds[i])) {
                result.insert(highs[i], lows[i], kinds[i]);
            }
        }
        return result;
    }

    /** A new set of the entries of this set that are in at least one of {@code others}; all stay unchanged. */
    public EntrySet intersect(EntrySet... others) {
        EntrySet result = new EntrySet();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != EMPTY && inAny(others, highs[i], lows[i], kinds[i])) {
                result.insert(highs[i], lows[i], kinds[i]);
            }
        }
        return result;
    }

    /** Adds every entry of {@code other}; compared packed, no object per entry. */
    public void addAll(EntrySet other) {
        for (int i = 0; i < other.kinds.length; i++) {
            if (other.kinds[i] != EMPTY) {
                insert(other.highs[i], other.lows[i], other.kinds[i]);
            }
        }
    }

    private static boolean inAny(EntrySet[] sets, long high, long low, byte kind) {
        for (EntrySet set : sets) {
            if (set.find(high, low, kind) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes every entry that shares an address with {@code network} (as {@link IpNetwork#overlaps}: one
     * contains the other), comparing packed entries without creating an object for those that do not match.
     *
     * @return the removed entries, in slot order
     */
    public List<IpNetwork> removeOverlapping(IpNetwork network) {
        PackedNetwork target = PackedNetwork.of(network);
        return removeWhere((high, low, kind) ->
                PackedNetwork.overlaps(high, low, kind, target.high(), target.low(), target.kind()));
    }

    /**
     * Removes every IPv4 entry with a prefix shorter than {@code minIpv4Prefix} and every IPv6 entry with a
     * prefix shorter than {@code minIpv6Prefix}.
     *
     * @return the removed entries, in slot order
     */
    public List<IpNetwork> removeWiderThan(int minIpv4Prefix, int minIpv6Prefix) {
        return removeWhere((high, low, kind) -> PackedNetwork.prefixLength(kind)
                < (PackedNetwork.isIpv4(kind) ? minIpv4Prefix : minIpv6Prefix));
    }

    /**
     * Shrinks the table to what the current entries need; after a set has grown by doubling, this gives back up
     * to half of its memory. Costs one rehash.
     */
    public void trimToSize() {
        int wanted = capacityFor(size);
        if (wanted < kinds.length) {
            rehash(wanted);
        }
    }

    /** The number of slots, for tests and memory estimates. */
    int capacity() {
        return kinds.length;
    }

    @FunctionalInterface
    private interface PackedTest {
        boolean test(long high, long low, byte kind);
    }

    private List<IpNetwork> removeWhere(PackedTest test) {
        // Collect first, remove after: removal shifts entries and would disturb a scan in progress.
        List<IpNetwork> removed = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != EMPTY && test.test(highs[i], lows[i], kinds[i])) {
                removed.add(PackedNetwork.unpack(highs[i], lows[i], kinds[i]));
            }
        }
        removed.forEach(this::remove);
        return removed;
    }

    private boolean insert(long high, long low, byte kind) {
        int slot = find(high, low, kind);
        if (slot >= 0) {
            return false;
        }
        if (size >= threshold) {
            rehash(grownCapacity());
            slot = find(high, low, kind);
        }
        slot = -slot - 1;
        highs[slot] = high;
        lows[slot] = low;
        kinds[slot] = kind;
        size++;
        return true;
    }

    /** The slot holding the key, or {@code -(free slot) - 1} where it would go. */
    private int find(long high, long low, byte kind) {
        int slot = home(high, low, kind);
        while (true) {
            byte k = kinds[slot];
            if (k == EMPTY) {
                return -slot - 1;
            }
            if (k == kind && lows[slot] == low && highs[slot] == high) {
                return slot;
            }
            slot = slot + 1 == kinds.length ? 0 : slot + 1;
        }
    }

    private boolean removeKey(long high, long low, byte kind) {
        int hole = find(high, low, kind);
        if (hole < 0) {
            return false;
        }
        // Backward-shift deletion: move up every later entry of the run whose home is not in (hole, slot].
        int slot = hole;
        while (true) {
            slot = slot + 1 == kinds.length ? 0 : slot + 1;
            if (kinds[slot] == EMPTY) {
                break;
            }
            int home = home(highs[slot], lows[slot], kinds[slot]);
            boolean stays = hole <= slot ? hole < home && home <= slot : hole < home || home <= slot;
            if (!stays) {
                highs[hole] = highs[slot];
                lows[hole] = lows[slot];
                kinds[hole] = kinds[slot];
                hole = slot;
            }
        }
        kinds[hole] = EMPTY;
        size--;
        return true;
    }

    private int home(long high, long low, byte kind) {
        long h = seed ^ low ^ (high * 0x9E3779B97F4A7C15L) ^ (kind * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        // Multiply-shift maps the hash onto any capacity, so the table need not be a power of two.
        return (int) (((h >>> 32) * kinds.length) >>> 32);
    }

    private int grownCapacity() {
        long doubled = 2L * kinds.length;
        if (doubled > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("entry set is full");
        }
        return (int) doubled;
    }

    private static int capacityFor(int entries) {
        long capacity = (long) entries * 100 / LOAD_PERCENT + 1;
        return (int) Math.max(MIN_CAPACITY, Math.min(capacity, Integer.MAX_VALUE - 8));
    }

    private void allocate(int capacity) {
        highs = new long[capacity];
        lows = new long[capacity];
        kinds = new byte[capacity];
        threshold = (int) ((long) capacity * LOAD_PERCENT / 100);
    }

    private void rehash(int capacity) {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        byte[] oldKinds = kinds;
        allocate(capacity);
        for (int i = 0; i < oldKinds.length; i++) {
            if (oldKinds[i] != EMPTY) {
                int slot = -find(oldHighs[i], oldLows[i], oldKinds[i]) - 1;
                highs[slot] = oldHighs[i];
                lows[slot] = oldLows[i];
                kinds[slot] = oldKinds[i];
            }
        }
    }
}
