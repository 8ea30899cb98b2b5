package org.bangui.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;

class EntrySetTextTest {

    @Test
    void readsEntriesBackFromFail2bansSpelling() {
        EntrySet set = new EntrySet();
        assertThat(set.addText("192.0.2.1")).isTrue();
        assertThat(set.addText("198.51.100.0/24")).isTrue();
        assertThat(set.addText("2001:db8::/32")).isTrue();
        assertThat(set.addText("192.0.2.1")).isTrue(); // present already: still an entry
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.contains(IpNetwork.parse("198.51.100.0/24"))).isTrue();
        assertThat(set.contains(IpNetwork.parse("2001:db8::/32"))).isTrue();
    }

    @Test
    void leavesBanIdsThatAreNotNetworksOut() {
        EntrySet set = new EntrySet();
        assertThat(set.addText("not-an-ip")).isFalse();
        assertThat(set.addText("")).isFalse();
        assertThat(set.addText("1.2.3.4 ")).isFalse();
        assertThat(set.addText("fe80::1%eth0")).isFalse();
        assertThat(set.addText("1.2.3.4/33")).isFalse();
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void handsOutEveryEntryOnceInBatches() {
        EntrySet set = new EntrySet();
        for (int i = 0; i < 1234; i++) {
            set.addText("10.0." + (i / 256) + "." + (i % 256));
        }
        java.util.Set<IpNetwork> seen = new java.util.HashSet<>();
        java.util.Iterator<java.util.List<IpNetwork>> batches = set.batches(100);
        int count = 0;
        while (batches.hasNext()) {
            java.util.List<IpNetwork> batch = batches.next();
            assertThat(batch).hasSizeLessThanOrEqualTo(100).isNotEmpty();
            seen.addAll(batch);
            count += batch.size();
        }
        assertThat(count).isEqualTo(1234);
        assertThat(seen).hasSize(1234);
        assertThat(new EntrySet().batches(10).hasNext()).isFalse();
    }
}
