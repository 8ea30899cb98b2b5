package org.bangui.application.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bangui.domain.blocklist.EntrySet;
import org.bangui.domain.blocklist.EntryState;
import org.bangui.domain.jail.JailName;
import org.bangui.domain.net.IpNetwork;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final JailName JAIL = JailName.of("blocklist");
    private static final JailName OLD_JAIL = JailName.of("sshd");

    @Test
    void newEntriesAreFreshHeldOnesStayAndUnlistedOnesAreReleased() {
        StoredState stored = new StoredState();
        put(stored, JAIL, EntryState.BANNED, "192.0.2.1", "192.0.2.2");
        put(stored, JAIL, EntryState.EXTERNAL, "192.0.2.3", "192.0.2.4");
        Plan plan = Plan.of(stored, JAIL, set("192.0.2.1", "192.0.2.3", "192.0.2.5"));
        assertThat(texts(plan.fresh)).containsExactly("192.0.2.5");
        assertThat(plan.ensure.isEmpty()).isTrue();
        assertThat(plan.releases).hasSize(1);
        assertThat(texts(plan.releases.get(0).owned())).containsExactly("192.0.2.2");
        assertThat(texts(plan.releases.get(0).external())).containsExactly("192.0.2.4");
    }

    @Test
    void pendingEntriesOfACutShortImportAreSentAgainOrReleased() {
        StoredState stored = new StoredState();
        put(stored, JAIL, EntryState.BANNING, "192.0.2.10", "192.0.2.11");
        put(stored, JAIL, EntryState.UNBANNING, "192.0.2.12", "192.0.2.13");
        Plan plan = Plan.of(stored, JAIL, set("192.0.2.10", "192.0.2.12"));
        assertThat(texts(plan.ensure)).containsExactlyInAnyOrder("192.0.2.10", "192.0.2.12");
        assertThat(plan.fresh.isEmpty()).isTrue();
        assertThat(texts(plan.releases.get(0).owned())).containsExactlyInAnyOrder("192.0.2.11", "192.0.2.13");
    }

    @Test
    void aJailTheSourceLeftIsReleasedWhole() {
        StoredState stored = new StoredState();
        put(stored, OLD_JAIL, EntryState.BANNED, "192.0.2.20");
        put(stored, OLD_JAIL, EntryState.EXTERNAL, "192.0.2.21");
        Plan plan = Plan.of(stored, JAIL, set("192.0.2.20"));
        assertThat(texts(plan.fresh)).containsExactly("192.0.2.20");
        assertThat(plan.releases).singleElement().satisfies(r -> {
            assertThat(r.jail()).isEqualTo(OLD_JAIL);
            assertThat(texts(r.owned())).containsExactly("192.0.2.20");
            assertThat(texts(r.external())).containsExactly("192.0.2.21");
        });
    }

    @Test
    void aDeletedSourceReleasesEverything() {
        StoredState stored = new StoredState();
        put(stored, JAIL, EntryState.BANNED, "192.0.2.30");
        put(stored, JAIL, EntryState.BANNING, "192.0.2.31");
        Plan plan = Plan.of(stored, null, new EntrySet());
        assertThat(texts(plan.releases.get(0).owned())).containsExactlyInAnyOrder("192.0.2.30", "192.0.2.31");
    }

    private static void put(StoredState stored, JailName jail, EntryState state, String... entries) {
        for (String entry : entries) {
            stored.in(jail).of(state).add(IpNetwork.parse(entry));
        }
    }

    private static EntrySet set(String... entries) {
        EntrySet set = new EntrySet();
        for (String entry : entries) {
            set.add(IpNetwork.parse(entry));
        }
        return set;
    }

    private static List<String> texts(EntrySet set) {
        List<String> texts = new ArrayList<>();
        set.forEach(e -> texts.add(e.text()));
        return texts;
    }
}
