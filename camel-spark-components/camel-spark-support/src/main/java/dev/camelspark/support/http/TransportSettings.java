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
}
