package org.bangui.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bangui.domain.net.IpAddress;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;

class EntrySetTest {

    @Test
    void storesNetworksNormalisedAndRefusesTheSameOneTwice() {
        EntrySet set = new EntrySet();
        assertThat(set.add(net("198.51.100.7/24"))).isTrue();
        assertThat(set.add(net("198.51.100.0/24"))).isFalse();
        assertThat(set.add(net("2001:db8::ff/120"))).isTrue();
        assertThat(set.contains(net("2001:db8::/120"))).isTrue();
        assertThat(set.contains(net("198.51.100.200/24"))).isTrue();
        assertThat(set.contains(net("198.51.100.0/25"))).isFalse();
        assertThat(set.size()).isEqualTo(2);
        assertThat(texts(set)).containsExactlyInAnyOrder("198.51.100.0/24", "2001:db8::/120");
    }

    @Test
    void keepsIpv4AndIpv6ApartEvenWithTheSameBitsAndPrefix() {
        EntrySet set = EntrySet.of(List.of(net("0.0.0.0/0"), net("::/0"), net("1.2.3.4"), net("::102:304"),
                net("0.0.0.0/32"), net("::/32")));
        assertThat(set.size()).isEqualTo(6);
        assertThat(set.remove(net("::/0"))).isTrue();
        assertThat(set.contains(net("0.0.0.0/0"))).isTrue();
        assertThat(set.contains(net("::/0"))).isFalse();
        assertThat(set.removeOverlapping(net("1.2.3.4"))).extracting(IpNetwork::text)
                .containsExactlyInAnyOrder("0.0.0.0/0", "1.2.3.4");
        assertThat(texts(set)).containsExactlyInAnyOrder("::102:304", "0.0.0.0", "::/32");
    }

    @Test
    void handlesTheWidestAndNarrowestPrefixes() {
        EntrySet set = EntrySet.of(List.of(net("255.255.255.255/0"), net("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
                net("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/127"), net("8000::/1"), net("255.255.255.255")));
        assertThat(texts(set)).containsExactlyInAnyOrder("0.0.0.0/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127", "8000::/1", "255.255.255.255");
        assertThat(set.contains(net("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"))).isFalse();
        assertThat(set.contains(net("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"))).isTrue();
        assertThat(set.contains(net("c000::/1"))).isTrue();
    }

    @Test
    void fastPathsClearHostBitsAndTurnMappedIpv6IntoIpv4() {
        EntrySet set = new EntrySet();
        assertThat(set.addIpv4(0xC6336407, 24)).isTrue();
        assertThat(set.addIpv4(0xC6336400, 24)).isFalse();
        assertThat(set.addIpv6(0, 0x0000ffff01020304L, 120)).isTrue();
        assertThat(set.contains(net("1.2.3.0/24"))).isTrue();
        assertThat(set.addIpv6(0x20010db800000000L, 0xffL, 64)).isTrue();
        assertThat(texts(set)).containsExactlyInAnyOrder("198.51.100.0/24", "1.2.3.0/24", "2001:db8::/64");
        assertThatThrownBy(() -> set.addIpv6(0, 0x0000ffff01020304L, 95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.addIpv4(1, 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> set.addIpv6(0, 1, 129)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntrySet(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsFromTheSmallestTableAndShrinksBackOnTrim() {
        EntrySet set = new EntrySet();
        int initial = set.capacity();
        for (int i = 0; i < 20_000; i++) {
            assertThat(set.addIpv4(i * 256, 24)).isTrue();
        }
        assertThat(set.capacity()).isGreaterThan(initial);
        for (int i = 0; i < 15_000; i++) {
            set.remove(new IpNetwork(ipv4(i * 256), 24));
        }
        int grown = set.capacity();
        set.trimToSize();
        assertThat(set.capacity()).isLessThan(grown / 2);
        assertThat(set.size()).isEqualTo(5_000);
        for (int i = 0; i < 20_000; i++) {
            assertThat(set.contains(new IpNetwork(ipv4(i * 256), 24))).isEqualTo(i >= 15_000);
        }
    }

    @Test
    void behavesLikeAHashSetUnderRandomAddsAndRemoves() {
        Random random = new Random(20240611);
        for (int round = 0; round < 40; round++) {
            // A small universe on small tables: many collisions, long runs, wrap-around and backward shifts.
            List<IpNetwork> universe = universe(random, 10 + random.nextInt(300));
            EntrySet set = new EntrySet(random.nextInt(8));
            Set<IpNetwork> reference = new HashSet<>();
            for (int op = 0; op < 3_000; op++) {
                IpNetwork network = universe.get(random.nextInt(universe.size()));
                IpNetwork normal = network.normalized();
                switch (random.nextInt(3)) {
                    case 0 -> assertThat(set.add(network)).isEqualTo(reference.add(normal));
                    case 1 -> assertThat(set.remove(network)).isEqualTo(reference.remove(normal));
                    default -> assertThat(set.contains(network)).isEqualTo(reference.contains(normal));
                }
                assertThat(set.size()).isEqualTo(reference.size());
            }
            for (IpNetwork network : universe) {
                assertThat(set.contains(network)).isEqualTo(reference.contains(network.normalized()));
            }
            assertThat(entries(set)).containsExactlyInAnyOrderElementsOf(reference);
        }
    }

    @Test
    void minusKeepsTheEntriesTheOtherSetLacks() {
        EntrySet left = EntrySet.of(List.of(net("192.0.2.1"), net("192.0.2.0/24"), net("2001:db8::1"), net("::/0")));
        EntrySet right = EntrySet.of(List.of(net("192.0.2.1"), net("2001:db8::/64"), net("0.0.0.0/0")));
        assertThat(texts(left.minus(right))).containsExactlyInAnyOrder("192.0.2.0/24", "2001:db8::1", "::/0");
        assertThat(texts(right.minus(left))).containsExactlyInAnyOrder("2001:db8::/64", "0.0.0.0/0");
        assertThat(left.minus(left).isEmpty()).isTrue();
        assertThat(left.size()).isEqualTo(4);
        assertThat(right.size()).isEqualTo(3);
    }

    @Test
    void minusAgreesWithSetDifferenceOnRandomSets() {
        Random random = new Random(99);
        List<IpNetwork> universe = universe(random, 2_000);
        Set<IpNetwork> a = new HashSet<>();
        Set<IpNetwork> b = new HashSet<>();
        for (IpNetwork network : universe) {
            if (random.nextInt(3) > 0) {
                a.add(network.normalized());
            }
            if (random.nextInt(3) > 0) {
                b.add(network.normalized());
            }
        }
        Set<IpNetwork> expected = new HashSet<>(a);
        expected.removeAll(b);
        assertThat(entries(EntrySet.of(a).minus(EntrySet.of(b)))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void removeOverlappingAgreesWithIpNetworkOverlaps() {
        Random random = new Random(4242);
        List<IpNetwork> universe = universe(random, 3_000);
        for (int probe = 0; probe < 200; probe++) {
            EntrySet set = EntrySet.of(universe);
            Set<IpNetwork> reference = new HashSet<>(entries(set));
            IpNetwork target = universe.get(random.nextInt(universe.size()));
            List<IpNetwork> expected = reference.stream().filter(target::overlaps).toList();
            List<IpNetwork> removed = set.removeOverlapping(target);
            assertThat(removed).containsExactlyInAnyOrderElementsOf(expected);
            reference.removeAll(expected);
            assertThat(entries(set)).containsExactlyInAnyOrderElementsOf(reference);
        }
    }

    @Test
    void removeOverlappingIgnoresHostBitsOfTheArgument() {
        EntrySet set = EntrySet.of(List.of(net("10.1.2.0/24"), net("10.200.0.0/16"), net("11.0.0.1")));
        assertThat(set.removeOverlapping(net("10.9.9.9/8"))).extracting(IpNetwork::text)
                .containsExactlyInAnyOrder("10.1.2.0/24", "10.200.0.0/16");
        assertThat(texts(set)).containsExactly("11.0.0.1");
        assertThat(set.removeOverlapping(net("::/0"))).isEmpty();
    }

    @Test
    void removeWiderThanRemovesShortPrefixesPerFamily() {
        EntrySet set = EntrySet.of(List.of(net("10.0.0.0/8"), net("10.0.0.0/16"), net("10.0.0.1"),
                net("2001:db8::/32"), net("2001:db8::/48"), net("::/0")));
        assertThat(set.removeWiderThan(16, 48)).extracting(IpNetwork::text)
                .containsExactlyInAnyOrder("10.0.0.0/8", "2001:db8::/32", "::/0");
        assertThat(texts(set)).containsExactlyInAnyOrder("10.0.0.0/16", "10.0.0.1", "2001:db8::/48");
        assertThat(set.removeWiderThan(0, 0)).isEmpty();
    }

    /** Networks packed into a few /8s and one /32 of IPv6, so that overlaps and duplicates are frequent. */
    static List<IpNetwork> universe(Random random, int size) {
        List<IpNetwork> networks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (random.nextInt(4) > 0) {
                int address = (10 + random.nextInt(3)) << 24 | random.nextInt(1 << 12) << 12 | random.nextInt(4);
                int prefix = random.nextInt(3) == 0 ? random.nextInt(33) : 32;
                networks.add(new IpNetwork(ipv4(address), prefix));
            } else {
                byte[] bytes = IpAddress.parse("2001:db8::").bytes();
                bytes[6] = (byte) random.nextInt(4);
                bytes[15] = (byte) random.nextInt(8);
                int prefix = random.nextInt(3) == 0 ? random.nextInt(129) : 128;
                networks.add(new IpNetwork(IpAddress.ofBytes(bytes), prefix));
            }
        }
        return networks;
    }

    private static IpAddress ipv4(int address) {
        return IpAddress.ofBytes(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
            (byte) address});
    }

    private static IpNetwork net(String text) {
        return IpNetwork.parse(text);
    }

    static List<IpNetwork> entries(EntrySet set) {
        List<IpNetwork> all = new ArrayList<>();
        set.forEach(all::add);
        return all;
    }

    static List<String> texts(EntrySet set) {
        return entries(set).stream().map(IpNetwork::text).toList();
    }
}
