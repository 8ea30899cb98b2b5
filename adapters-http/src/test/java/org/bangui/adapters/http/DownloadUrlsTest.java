package org.bangui.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.bangui.domain.blocklist.BlocklistDownloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownloadUrlsTest {

    private static String code(Runnable call) {
        return catchThrowableOfType(call::run, BlocklistDownloadException.class).code();
    }

    @Test
    void acceptsHttpAndHttpsInAnyCase() {
        assertThat(DownloadUrls.checked(URI.create("HTTPS://lists.example.test/a.txt"))).isNotNull();
        assertThat(DownloadUrls.checked(URI.create("http://lists.example.test/a.txt"))).isNotNull();
    }

    @Test
    void refusesUrlsWithUserInfoOrWithoutHost() {
        assertThat(code(() -> DownloadUrls.checked(URI.create("http://user:secret@lists.example.test/"))))
                .isEqualTo("destination_refused");
        assertThat(code(() -> DownloadUrls.checked(URI.create("http:///list.txt")))).isEqualTo("unresolvable_host");
        assertThat(code(() -> DownloadUrls.checked(URI.create("http:opaque")))).isEqualTo("unresolvable_host");
    }

    @ParameterizedTest
    @CsvSource({
        "list2.txt, https://lists.example.test/dir/list2.txt",
        "/other/list.txt, https://lists.example.test/other/list.txt",
        "//mirror.example.test/l.txt, https://mirror.example.test/l.txt",
        "http://127.0.0.1/x, http://127.0.0.1/x",
    })
    void resolvesRedirectLocationsAgainstTheCurrentUrl(String location, String expected) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(302);
        response.addHeader("Location", location);

        URI next = DownloadUrls.location(URI.create("https://lists.example.test/dir/list.txt"), response);

        assertThat(next).isEqualTo(URI.create(expected));
    }

    @Test
    void refusesARedirectWithoutOrWithABrokenLocationAsHttpStatus() {
        URI current = URI.create("https://lists.example.test/list.txt");
        BasicClassicHttpResponse missing = new BasicClassicHttpResponse(301);
        BasicClassicHttpResponse broken = new BasicClassicHttpResponse(308);
        broken.addHeader("Location", "http://exa mple.test/<>");

        assertThat(code(() -> DownloadUrls.location(current, missing))).isEqualTo("http_status");
        BlocklistDownloadException e = catchThrowableOfType(() -> DownloadUrls.location(current, broken),
                BlocklistDownloadException.class);
        assertThat(e.code()).isEqualTo("http_status");
        assertThat(e.getMessage()).contains("308");
    }
}
