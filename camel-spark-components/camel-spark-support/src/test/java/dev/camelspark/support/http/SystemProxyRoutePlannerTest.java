package dev.camelspark.support.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM's proxy settings decide the route, as with HttpClient's own planner: a custom selector is asked on every
 * call, the JDK's own (which reads the proxy system properties) once per host and window.
 */
class SystemProxyRoutePlannerTest {

    /** Answers what a test sets, and records what it was asked. */
    private static final class Selector extends ProxySelector {
        final List<URI> asked = new ArrayList<>();
        List<Proxy> answer = List.of(Proxy.NO_PROXY);

        @Override
        public List<Proxy> select(URI uri) {
            asked.add(uri);
            return answer;
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    }

    @Test
    void theSelectorIsAskedOnEveryCallAndItsHttpProxyIsTheRoute() throws Exception {
        Selector selector = new Selector();
        SystemProxyRoutePlanner planner = new SystemProxyRoutePlanner(selector);
        HttpHost target = new HttpHost("http", "api.example", 8080);

        HttpRoute direct = planner.determineRoute(target, HttpClientContext.create());
        assertThat(direct.getProxyHost()).isNull();

        Proxy socks = new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("socks.example", 1080));
        selector.answer = List.of(socks);
        assertThat(planner.determineRoute(target, HttpClientContext.create()).getProxyHost())
                .as("SOCKS is not for the route").isNull();

        selector.answer = List.of(socks, new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example", 3128)));
        HttpRoute proxied = planner.determineRoute(target, HttpClientContext.create());
        assertThat(proxied.getProxyHost().getHostName()).isEqualTo("proxy.example");
        assertThat(proxied.getProxyHost().getPort()).isEqualTo(3128);
        assertThat(proxied.getTargetHost()).isEqualTo(target);

        assertThat(selector.asked).hasSize(3).containsOnly(URI.create("http://api.example:8080"));
    }

    @Test
    void withoutASelectorTheJvmDefaultIsAskedPerCall() throws Exception {
        ProxySelector before = ProxySelector.getDefault();
        Selector selector = new Selector();
        selector.answer = List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example", 3128)));
        try {
            ProxySelector.setDefault(selector);
            HttpRoute route = new SystemProxyRoutePlanner(null).determineRoute(new HttpHost("https", "api.example", 443),
                    HttpClientContext.create());
            assertThat(route.getProxyHost().getHostName()).isEqualTo("proxy.example");
            assertThat(selector.asked).containsExactly(URI.create("https://api.example:443"));
        } finally {
            ProxySelector.setDefault(before);
        }
    }

    @Test
    void theJdkSelectorsAnswerHoldsForItsWindowAndAChangedPropertyCountsAfterIt() throws Exception {
        ProxySelector jdk = ProxySelector.getDefault();
        assertThat(jdk.getClass().getName()).isEqualTo("sun.net.spi.DefaultProxySelector");
        HttpHost target = new HttpHost("http", "api.example", 8080);
        String host = System.getProperty("http.proxyHost");
        String port = System.getProperty("http.proxyPort");
        try {
            System.setProperty("http.proxyHost", "proxy.example");
            System.setProperty("http.proxyPort", "3128");
            SystemProxyRoutePlanner held = new SystemProxyRoutePlanner(jdk, Long.MAX_VALUE / 4);
            SystemProxyRoutePlanner asked = new SystemProxyRoutePlanner(jdk, 0);
            assertThat(held.determineRoute(target, HttpClientContext.create()).getProxyHost().getHostName())
                    .isEqualTo("proxy.example");
            assertThat(asked.determineRoute(target, HttpClientContext.create()).getProxyHost().getHostName())
                    .isEqualTo("proxy.example");

            System.clearProperty("http.proxyHost");
            assertThat(held.determineRoute(target, HttpClientContext.create()).getProxyHost())
                    .as("within the window: the answer kept").isNotNull();
            assertThat(asked.determineRoute(target, HttpClientContext.create()).getProxyHost())
                    .as("after the window: the property as it is now").isNull();
            assertThat(held.determineRoute(new HttpHost("http", "media.example", 80), HttpClientContext.create())
                    .getProxyHost()).as("another host is asked for itself").isNull();
        } finally {
            restore("http.proxyHost", host);
            restore("http.proxyPort", port);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
