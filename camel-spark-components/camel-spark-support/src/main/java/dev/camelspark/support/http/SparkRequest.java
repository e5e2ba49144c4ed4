package dev.camelspark.support.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.net.URIBuilder;

/**
 * One call to a provider, immutable so that a retry sends exactly the same thing. Secret headers and query
 * parameters are kept apart from the others so that {@link #describe()} (used in logs and error messages) can never
 * show them.
 */
public final class SparkRequest {

    private final String method;
    private final String baseUrl;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> secretQuery;
    private final Map<String, String> headers;
    private final Map<String, String> secretHeaders;
    private final HttpEntity entity;
    private final CallKind kind;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final Duration deadline;
    private final boolean returnRedirects;
    /** The base URL's parts when this request's target is written here, not by URIBuilder; {@code null} otherwise. */
    private final Base writtenHere;
    /** Built on first use and kept: every attempt of a call sends the same URI, and building it is not free. */
    private volatile URI uri;
    private volatile URI publicUri;

    private SparkRequest(Builder b) {
        this.returnRedirects = b.returnRedirects;
        this.method = b.method;
        this.baseUrl = b.baseUrl;
        this.path = b.path;
        this.query = b.query.isEmpty() ? List.of() : List.copyOf(b.query);
        this.secretQuery = frozen(b.secretQuery);
        this.headers = frozen(b.headers);
        this.secretHeaders = frozen(b.secretHeaders);
        this.entity = b.entity;
        this.kind = b.kind;
        this.readTimeout = b.readTimeout;
        this.connectTimeout = b.connectTimeout;
        this.deadline = b.deadline;
        this.writtenHere = path != null && plainPath(path) ? Base.of(baseUrl) : null;
    }

    /** A copy in the same order; most requests have no headers or secrets of some kind: no map for those. */
    private static Map<String, String> frozen(Map<String, String> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static Builder get(String baseUrl, String path) {
        return new Builder("GET", baseUrl, path);
    }

    public static Builder post(String baseUrl, String path) {
        return new Builder("POST", baseUrl, path);
    }

    public static Builder delete(String baseUrl, String path) {
        return new Builder("DELETE", baseUrl, path);
    }

    /** The full URI, secrets included: for the wire only. */
    public URI uri() {
        URI built = uri;
        if (built == null) {
            built = buildUri(true);
            uri = built;
        }
        return built;
    }

    /**
     * The URI without its secret query parameters: what HttpClient is given (and may log); the secrets are added
     * only when the request line is written to the socket ({@link SecretSafeConnections}).
     */
    URI uriWithoutSecrets() {
        URI built = publicUri;
        if (built == null) {
            built = secretQuery.isEmpty() ? uri() : buildUri(null);
            publicUri = built;
        }
        return built;
    }

    /**
     * A new HttpClient request for one attempt, without the secrets. The usual call (a configured base URL, a path of
     * plain characters) gives HttpClient the base URL's origin (parsed once per base URL) and the target {@code /}:
     * the connection writes {@link #wireTarget()} in its place. HttpClient 5 takes a request's path apart on every call
     * (its auth path prefix, with a percent-decoding per segment: a sixth of what a call allocates) only to throw it
     * away, and no Spark API uses HTTP authentication. Anything else gets its whole URI through
     * {@link #uriWithoutSecrets()}, and the connection adds only {@link #wireQuery()}.
     */
    HttpUriRequestBase httpRequest() {
        if (!targetWrittenHere()) {
            return new HttpUriRequestBase(method, uriWithoutSecrets());
        }
        HttpUriRequestBase http = new HttpUriRequestBase(method, writtenHere.origin());
        http.setPath("/");
        return http;
    }

    /**
     * The request target (path and query, secrets included) that the connection writes in place of the {@code /}
     * {@link #httpRequest()} gave HttpClient; {@code null} when HttpClient was given the whole URI.
     */
    String wireTarget() {
        if (!targetWrittenHere()) {
            return null;
        }
        StringBuilder target = new StringBuilder(writtenHere.path().length() + path.length() + query.size() * 24
                                                 + secretQuery.size() * 48);
        target.append(writtenHere.path());
        appendPath(target, path);
        if (target.length() == 0) {
            target.append('/');
        }
        appendQuery(target, true);
        return target.toString();
    }

    /**
     * The encoded secret query (no {@code ?}) that the connection adds to the URI {@link #httpRequest()} gave
     * HttpClient, when it gave the whole URI; empty otherwise.
     */
    String wireQuery() {
        if (secretQuery.isEmpty() || targetWrittenHere()) {
            return "";
        }
        StringBuilder wire = new StringBuilder(secretQuery.size() * 48);
        appendSecretQuery(wire, '?', true);
        return wire.substring(1); // the leading '?'
    }

    private boolean targetWrittenHere() {
        return writtenHere != null;
    }

    /** Method and URI with secrets masked, for logs and messages. */
    public String describe() {
        return method + " " + buildUri(false);
    }

    private URI buildUri(Boolean withSecrets) {
        try {
            if (query.isEmpty() && secretQuery.isEmpty()) {
                return new URI(joinPath(baseUrl, path)); // what URIBuilder would give, without taking it apart
            }
            if (targetWrittenHere()) {
                // the query encoded as URIBuilder does, parsed once (URIBuilder parses the base, then its own result)
                StringBuilder full = new StringBuilder(joinPath(baseUrl, path));
                appendQuery(full, withSecrets);
                return new URI(full.toString());
            }
            URIBuilder builder = new URIBuilder(joinPath(baseUrl, path));
            query.forEach(e -> builder.addParameter(e.getKey(), e.getValue()));
            if (withSecrets != null) { // null: left out altogether
                secretQuery.forEach((k, v) -> builder.addParameter(k, withSecrets ? v : "xxxxxx"));
            }
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid baseUrl '" + baseUrl + "' or path '" + path + "': " + e.getMessage(), e);
        }
    }

    /** The query as URIBuilder writes it; the secrets with their values ({@code true}), masked, or left out ({@code null}). */
    private void appendQuery(StringBuilder target, Boolean withSecrets) {
        char separator = '?';
        for (Map.Entry<String, String> e : query) {
            target.append(separator);
            QueryEncoding.append(target, e.getKey()).append('=');
            QueryEncoding.append(target, e.getValue());
            separator = '&';
        }
        if (withSecrets != null) {
            appendSecretQuery(target, separator, withSecrets);
        }
    }

    private void appendSecretQuery(StringBuilder target, char separator, boolean withValues) {
        for (Map.Entry<String, String> e : secretQuery.entrySet()) {
            target.append(separator);
            QueryEncoding.append(target, e.getKey()).append('=');
            QueryEncoding.append(target, withValues ? e.getValue() : "xxxxxx");
            separator = '&';
        }
    }

    /** {@link #joinPath}'s rule for the path part: one slash between the base's path and this one. */
    private static void appendPath(StringBuilder target, String path) {
        if (path.isEmpty()) {
            return;
        }
        if (path.charAt(0) != '/') {
            target.append('/');
        }
        target.append(path);
    }

    /**
     * Whether the path is made of characters a URI path may hold as they are (RFC 3986 {@code pchar} and
     * {@code /}, percent-escapes included): anything else is left to {@link URI} to refuse or accept.
     */
    static boolean plainPath(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                continue;
            }
            if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) && hex(path.charAt(i + 2))) {
                i += 2;
                continue;
            }
            return false;
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * A base URL taken apart once: its origin (scheme and authority) and its path without the trailing slash. Only
     * for a plain absolute http(s) URL without user info, query or fragment; {@code null} for anything else, which
     * then takes the general path. Kept per base URL (an endpoint's, which no header can change).
     */
    private record Base(URI origin, String path) {
        private static final Map<String, Optional<Base>> KNOWN = new ConcurrentHashMap<>();
        private static final int MAX_KNOWN = 256;

        static Base of(String baseUrl) {
            Optional<Base> known = KNOWN.get(baseUrl);
            if (known == null) {
                if (KNOWN.size() >= MAX_KNOWN) {
                    KNOWN.clear(); // base URLs are configuration: this many means something made them up
                }
                known = Optional.ofNullable(parse(baseUrl));
                KNOWN.put(baseUrl, known);
            }
            return known.orElse(null);
        }

        private static Base parse(String baseUrl) {
            try {
                URI uri = new URI(joinPath(baseUrl, ""));
                String scheme = uri.getScheme();
                if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getRawAuthority() == null
                    || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                    return null;
                }
                String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
                return new Base(new URI(scheme + "://" + uri.getRawAuthority()), basePath);
            } catch (URISyntaxException e) {
                return null; // the general path names the bad base URL
            }
        }
    }

    static String joinPath(String base, String path) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (path == null || path.isEmpty()) {
            return b;
        }
        return path.startsWith("/") ? b + path : b + "/" + path;
    }

    public String method() {
        return method;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, String> secretHeaders() {
        return secretHeaders;
    }

    /** The secret query parameters (the key of an API that takes it in the query): sent, never shown. */
    public Map<String, String> secretQuery() {
        return secretQuery;
    }

    public HttpEntity entity() {
        return entity;
    }

    public CallKind kind() {
        return kind;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** A hard limit on the whole exchange with the server, body included; {@code null} for streamed calls. */
    public Duration deadline() {
        return deadline;
    }

    /** Whether a 3xx answer is handed back to the caller (who follows it after its own checks) instead of failing. */
    public boolean returnRedirects() {
        return returnRedirects;
    }

    /** A GET of an absolute URL (media), secrets none. */
    public static Builder getUrl(String absoluteUrl) {
        return new Builder("GET", absoluteUrl, null);
    }

    @Override
    public String toString() {
        return describe();
    }

    public static final class Builder {
        private final String method;
        private final String baseUrl;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> secretQuery = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> secretHeaders = new LinkedHashMap<>();
        private HttpEntity entity;
        private CallKind kind = CallKind.READ;
        private Duration readTimeout = Duration.ofSeconds(120);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration deadline;
        private boolean returnRedirects;

        private Builder(String method, String baseUrl, String path) {
            this.method = method;
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.path = path;
        }

        /** Adds a query parameter; {@code null} values are left out, so optional options need no if. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        /**
         * Extra query parameters as they are ({@code additionalBodyProperty.*} of a GET-style API): each replaces a
         * parameter of the same name set before, never a secret one (the configuration refuses those names).
         */
        public Builder additionalQuery(Map<String, ?> extras) {
            if (extras != null) {
                extras.forEach((name, value) -> {
                    if (secretQuery.containsKey(name)) {
                        throw new IllegalArgumentException("query parameter '" + name + "' is a secret and cannot be"
                                                           + " set through additionalBodyProperty");
                    }
                    query.removeIf(e -> e.getKey().equals(name));
                    query(name, value);
                });
            }
            return this;
        }

        /** A query parameter that is a secret (an API key): sent, never shown. */
        public Builder secretQuery(String name, String value) {
            if (value != null && !value.isEmpty()) {
                secretQuery.put(name, value);
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        /** A header that is a secret (Authorization, X-API-Key): sent, never shown. */
        public Builder secretHeader(String name, String value) {
            if (value != null && !value.isEmpty()) {
                secretHeaders.put(name, value);
            }
            return this;
        }

        public Builder bearer(String apiKey) {
            return secretHeader("Authorization", apiKey == null || apiKey.isEmpty() ? null : "Bearer " + apiKey);
        }

        /** A JSON body, serialised once so every attempt sends the same bytes. */
        public Builder json(Object body) {
            this.entity = new ByteArrayEntity(SparkJson.write(body), ContentType.APPLICATION_JSON);
            return this;
        }

        /** Any repeatable entity (multipart uploads); a retry sends it again. */
        public Builder entity(HttpEntity entity) {
            if (entity != null && !entity.isRepeatable()) {
                throw new IllegalArgumentException("request entities must be repeatable so a retry can resend them");
            }
            this.entity = entity;
            return this;
        }

        public Builder kind(CallKind kind) {
            this.kind = Objects.requireNonNull(kind);
            return this;
        }

        /** The longest wait for the next bytes: {@code requestTimeout} for plain calls, {@code streamIdleTimeout} for streams. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** The longest the whole call may take, body included (buffered calls only). */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline == null ? null : positive(deadline, "deadline");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        /** Hands 3xx answers back instead of failing, for a caller that checks each hop itself. */
        public Builder returnRedirects() {
            this.returnRedirects = true;
            return this;
        }

        public SparkRequest build() {
            return new SparkRequest(this);
        }
    }
}
