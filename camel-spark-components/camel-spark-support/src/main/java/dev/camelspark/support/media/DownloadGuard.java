package dev.camelspark.support.media;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a download may go, and what it may carry. Media URLs come from the provider's answers, so they are checked
 * like untrusted input: http(s) only; private, loopback and link-local addresses refused unless the host is the
 * API's own or explicitly allowed; the API key sent only to the API's own origin.
 */
final class DownloadGuard {

    private DownloadGuard() {
    }

    /** Why the URL may not be fetched, or {@code null} when it may. */
    static String refusal(URI url, URI api, Set<String> allowedHosts) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https media URLs are fetched";
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return "the media URL has no host";
        }
        if (api != null && host.equalsIgnoreCase(api.getHost()) || allowed(url, allowedHosts)) {
            return null;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (api != null && sameAddresses(addresses, api.getHost())) {
                return null; // the API's own host under another name (localhost and 127.0.0.1, say)
            }
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return "host " + host + " is a private, loopback or link-local address (" + address.getHostAddress()
                           + "); add it to allowedDownloadHosts if it is trusted";
                }
            }
        } catch (UnknownHostException e) {
            return "host " + host + " cannot be resolved";
        }
        return null;
    }

    private static boolean sameAddresses(InetAddress[] media, String apiHost) {
        if (apiHost == null || apiHost.isEmpty()) {
            return false;
        }
        try {
            Set<InetAddress> api = Set.of(InetAddress.getAllByName(apiHost));
            for (InetAddress address : media) {
                if (api.contains(address)) {
                    return true;
                }
            }
        } catch (UnknownHostException | IllegalArgumentException e) {
            // an API host that does not resolve shares no address with anything
        }
        return false;
    }

    /** Whether the key may go to this URL: same scheme, host and port as the API. */
    static boolean sameOrigin(URI url, URI api) {
        return api != null
               && Objects.equals(lower(url.getScheme()), lower(api.getScheme()))
               && Objects.equals(lower(url.getHost()), lower(api.getHost()))
               && port(url) == port(api);
    }

    private static boolean allowed(URI url, Set<String> allowedHosts) {
        if (allowedHosts == null || allowedHosts.isEmpty()) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return allowedHosts.contains(host) || allowedHosts.contains(host + ":" + port(url));
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
            || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64; // carrier-grade NAT 100.64.0.0/10
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
