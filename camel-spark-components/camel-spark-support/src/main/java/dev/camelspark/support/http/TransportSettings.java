package dev.camelspark.support.http;

import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/** How a component's HTTP client is built; per-call timeouts come with each {@link SparkRequest}. */
public record TransportSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxConnections,
        SSLContext sslContext,
        String proxyHost,
        int proxyPort,
        String userAgent,
        Clock clock) {

    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(10), Duration.ofSeconds(120), 100, null, null, 0,
                "camel-spark/1.0", Clock.systemUTC());
    }

    public TransportSettings withSslContext(SSLContext ssl) {
        return new TransportSettings(connectTimeout, readTimeout, maxConnections, ssl, proxyHost, proxyPort, userAgent, clock);
    }

    public TransportSettings withProxy(String host, int port) {
        return new TransportSettings(connectTimeout, readTimeout, maxConnections, sslContext, host, port, userAgent, clock);
    }

    public TransportSettings withMaxConnections(int max) {
        return new TransportSettings(connectTimeout, readTimeout, max, sslContext, proxyHost, proxyPort, userAgent, clock);
    }
}
