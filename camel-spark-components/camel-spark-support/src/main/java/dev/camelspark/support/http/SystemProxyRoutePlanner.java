package dev.camelspark.support.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's {@code SystemDefaultRoutePlanner} (the JVM's proxy settings, what {@code useSystemProperties()} sets
 * up), asking the same {@link ProxySelector} as it does, but without turning the target into a string and parsing
 * that into a {@link URI} each time: the URI is kept per target host (a component calls one or two). The JDK's own
 * selector reads the proxy system properties and matches {@code nonProxyHosts} on every call; its answer is kept per
 * host for a second, so a changed property takes effect within a second. Any other selector is asked
 * on every call, as it may answer differently each time.
 */
final class SystemProxyRoutePlanner extends DefaultRoutePlanner {

    private static final int MAX_HOSTS = 256;
    static final long JDK_ANSWER_NANOS = 1_000_000_000L;
    private static final String JDK_SELECTOR = "sun.net.spi.DefaultProxySelector";

    /** The proxy chosen for a host ({@code null}: direct) and until when that answer holds. */
    private record Answer(URI uri, HttpHost proxy, long until) {
    }

    private final ProxySelector selector;
    private final long jdkAnswerNanos;
    private final Map<HttpHost, Answer> answers = new ConcurrentHashMap<>();

    /** @param selector the JVM's default when the client is built, as HttpClient takes it; {@code null}: per call */
    SystemProxyRoutePlanner(ProxySelector selector) {
        this(selector, JDK_ANSWER_NANOS);
    }

    SystemProxyRoutePlanner(ProxySelector selector, long jdkAnswerNanos) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.selector = selector;
        this.jdkAnswerNanos = jdkAnswerNanos;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
        ProxySelector proxies = selector != null ? selector : ProxySelector.getDefault();
        Answer known = answers.get(target);
        long now = System.nanoTime();
        boolean jdk = proxies != null && JDK_SELECTOR.equals(proxies.getClass().getName());
        if (known != null && jdk && now - known.until() < 0) {
            return known.proxy();
        }
        URI uri = known != null ? known.uri() : uriOf(target);
        HttpHost proxy = proxies == null ? null : proxyOf(proxies.select(uri));
        if (known == null || jdk) {
            if (known == null && answers.size() >= MAX_HOSTS) {
                answers.clear(); // media hosts come and go: the cache is for the API's own
            }
            answers.put(target, new Answer(uri, proxy, now + jdkAnswerNanos));
        }
        return proxy;
    }

    private static URI uriOf(HttpHost target) throws HttpException {
        try {
            return new URI(target.toURI());
        } catch (URISyntaxException e) {
            throw new HttpException("Cannot convert host to URI: " + target, e);
        }
    }

    private static HttpHost proxyOf(List<Proxy> proxies) throws HttpException {
        Proxy proxy = choose(proxies);
        if (proxy.type() != Proxy.Type.HTTP) {
            return null;
        }
        if (!(proxy.address() instanceof InetSocketAddress address)) {
            throw new HttpException("Unable to handle non-Inet proxy address: " + proxy.address());
        }
        return new HttpHost(null, address.getAddress(), address.getHostString(), address.getPort());
    }

    /** The first direct or HTTP proxy; SOCKS proxies are not for the route (the socket factory handles them). */
    private static Proxy choose(List<Proxy> proxies) {
        for (Proxy proxy : proxies) {
            if (proxy.type() == Proxy.Type.DIRECT || proxy.type() == Proxy.Type.HTTP) {
                return proxy;
            }
        }
        return Proxy.NO_PROXY;
    }
}
