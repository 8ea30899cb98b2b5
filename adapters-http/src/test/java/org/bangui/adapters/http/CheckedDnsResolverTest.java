package org.bangui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

class CheckedDnsResolverTest {

    private final List<String> asked = new ArrayList<>();

    private DnsResolver stub(String... answers) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                asked.add(host);
                if (answers.length == 0) {
                    throw new UnknownHostException(host);
                }
                InetAddress[] out = new InetAddress[answers.length];
                for (int i = 0; i < answers.length; i++) {
                    out[i] = InetAddress.getByName(answers[i]);
                }
                return out;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    private CheckedDnsResolver resolver(boolean allowPrivate, String... answers) {
        return new CheckedDnsResolver(stub(answers), new DestinationPolicy(allowPrivate)::refusal);
    }

    @Test
    void answersOnlyTheAddressesThePolicyAccepts() throws UnknownHostException {
        InetAddress[] answer = resolver(true, "169.254.169.254", "127.0.0.1", "0.0.0.0").resolve("list.example.test");

        assertThat(answer).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThat(asked).containsExactly("list.example.test");
    }

    @Test
    void refusesAHostWhoseEveryAddressIsRefusedNamingTheAddressAndWhy() {
        assertThatThrownBy(() -> resolver(false, "127.0.0.1").resolve("list.example.test"))
                .isInstanceOf(CheckedDnsResolver.RefusedDestinationException.class)
                .hasMessage("127.0.0.1 is a loopback address");
    }

    @Test
    void checksIpLiteralsWithoutAskingTheResolver() {
        CheckedDnsResolver resolver = resolver(false, "8.8.8.8");

        assertThatThrownBy(() -> resolver.resolve("127.0.0.1"))
                .hasMessage("127.0.0.1 is a loopback address");
        assertThatThrownBy(() -> resolver.resolve("[::1]"))
                .hasMessage("0:0:0:0:0:0:0:1 is a loopback address");
        assertThatThrownBy(() -> resolver.resolve("::ffff:10.0.0.1"))
                .hasMessage("10.0.0.1 is a private address");
        assertThat(asked).isEmpty();
    }

    @Test
    void refusesMalformedLiteralsWithoutFallingBackToDns() {
        CheckedDnsResolver resolver = resolver(false, "8.8.8.8");

        assertThatThrownBy(() -> resolver.resolve("999.0.0.1")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> resolver.resolve("010.0.0.1")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> resolver.resolve("[::zz]")).isInstanceOf(UnknownHostException.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void reportsAnUnknownHostAsUnknownNotRefused() {
        assertThatThrownBy(() -> resolver(false).resolve("nowhere.example.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(CheckedDnsResolver.RefusedDestinationException.class);
    }
}
