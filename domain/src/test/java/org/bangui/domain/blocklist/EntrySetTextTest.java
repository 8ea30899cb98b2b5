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
}
