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
 * up), asking the same {@link ProxySelector} on every call as it does, but without turning the target into a string
 * and parsing that into a {@link URI} each time: the URI is kept per target host (a component calls one or two).
 */
final class SystemProxyRoutePlanner extends DefaultRoutePlanner {

    private static final int MAX_HOSTS = 256;

    private final ProxySelector selector;
    private final Map<HttpHost, URI> uris = new ConcurrentHashMap<>();

    /** @param selector the JVM's default when the client is built, as HttpClient takes it; {@code null}: per call */
    SystemProxyRoutePlanner(ProxySelector selector) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.selector = selector;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
        URI uri = uris.get(target);
        if (uri == null) {
            try {
                uri = new URI(target.toURI());
            } catch (URISyntaxException e) {
                throw new HttpException("Cannot convert host to URI: " + target, e);
            }
            if (uris.size() >= MAX_HOSTS) {
                uris.clear(); // media hosts come and go: the cache is for the API's own
            }
            uris.put(target, uri);
        }
        ProxySelector proxies = selector != null ? selector : ProxySelector.getDefault();
        if (proxies == null) {
            return null;
        }
        Proxy proxy = choose(proxies.select(uri));
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
