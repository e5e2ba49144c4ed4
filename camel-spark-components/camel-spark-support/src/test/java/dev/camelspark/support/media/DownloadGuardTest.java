package dev.camelspark.support.media;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a media download may go, and where the key may go with it. Literal addresses only: no DNS needed. */
class DownloadGuardTest {

    private static final URI API = URI.create("https://api.useneospark.com/api/v1");

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1",
            "fc00::1", "fd12:3456::1", "fec0::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1" })
    void privateLoopbackLinkLocalAndFriendsArePrivate(String address) throws UnknownHostException {
        assertThat(DownloadGuard.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "192.169.0.1", "2001:4860:4860::8888", "2606:4700::1111" })
    void publicAddressesAreNot(String address) throws UnknownHostException {
        assertThat(DownloadGuard.isPrivate(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "file:///etc/passwd", "ftp://8.8.8.8/x.png", "jar:file:/x.jar!/a.png", "data:image/png;base64,AAAA",
            "gopher://8.8.8.8/", "//8.8.8.8/no-scheme.png" })
    void onlyHttpAndHttpsAreFetched(String url) {
        assertThat(DownloadGuard.refusal(URI.create(url), API, Set.of())).isNotNull();
    }

    @Test
    void aUrlWithoutHostIsRefused() {
        assertThat(DownloadGuard.refusal(URI.create("http:///x.png"), API, Set.of())).contains("no host");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1/x.png", "http://10.1.2.3:8080/x.png", "http://[::1]/x.png",
            "http://169.254.169.254/latest/meta-data/", "http://2130706433/x.png", "http://[::ffff:7f00:1]/x.png",
            "http://0.0.0.0:9000/x", "http://[::ffff:169.254.169.254]/latest/meta-data/", "http://2852039166/latest/",
            "http://localhost:8080/x.png", "http://LOCALHOST/x.png" })
    void privateHostsAreRefused(String url) {
        assertThat(DownloadGuard.refusal(URI.create(url), API, Set.of()))
                .contains("private, loopback or link-local").contains("allowedDownloadHosts");
    }

    @Test
    void publicHostsAreFetched() {
        assertThat(DownloadGuard.refusal(URI.create("https://8.8.8.8/x.png"), API, Set.of())).isNull();
        assertThat(DownloadGuard.refusal(URI.create("HTTP://8.8.8.8/x.png"), API, Set.of())).isNull();
    }

    @Test
    void theApisOwnHostIsAllowedEvenWhenPrivate() {
        URI emulator = URI.create("http://127.0.0.1:8089/api/v1");
        assertThat(DownloadGuard.refusal(URI.create("http://127.0.0.1:9999/uploads/a.png"), emulator, Set.of())).isNull();
        assertThat(DownloadGuard.refusal(URI.create("http://10.0.0.1/uploads/a.png"), emulator, Set.of())).isNotNull();
    }

    @Test
    void allowedHostsByNameOrByNameAndPort() {
        URI cdn = URI.create("http://10.0.0.7:8080/a.png");
        assertThat(DownloadGuard.refusal(cdn, API, Set.of("10.0.0.7"))).isNull();
        assertThat(DownloadGuard.refusal(cdn, API, Set.of("10.0.0.7:8080"))).isNull();
        assertThat(DownloadGuard.refusal(cdn, API, Set.of("10.0.0.7:9090"))).isNotNull();
        assertThat(DownloadGuard.refusal(URI.create("http://10.0.0.7/a.png"), API, Set.of("10.0.0.7:80"))).isNull();
    }

    @Test
    void theKeyGoesOnlyToTheSameSchemeHostAndPort() {
        assertThat(DownloadGuard.sameOrigin(URI.create("https://api.useneospark.com/uploads/a.png"), API)).isTrue();
        assertThat(DownloadGuard.sameOrigin(URI.create("https://API.UseNeoSpark.com:443/uploads/a.png"), API)).isTrue();
        assertThat(DownloadGuard.sameOrigin(URI.create("http://api.useneospark.com/uploads/a.png"), API)).as("scheme").isFalse();
        assertThat(DownloadGuard.sameOrigin(URI.create("https://api.useneospark.com:8443/a.png"), API)).as("port").isFalse();
        assertThat(DownloadGuard.sameOrigin(URI.create("https://cdn.useneospark.com/a.png"), API)).as("host").isFalse();
        assertThat(DownloadGuard.sameOrigin(URI.create("https://api.useneospark.com.evil.example/a.png"), API)).isFalse();
        assertThat(DownloadGuard.sameOrigin(URI.create("https://api.useneospark.com/a.png"), null)).isFalse();
        assertThat(DownloadGuard.sameOrigin(URI.create("http://h/a.png"), URI.create("http://h:80/api"))).isTrue();
    }
}
