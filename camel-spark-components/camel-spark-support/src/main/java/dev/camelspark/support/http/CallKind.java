package dev.camelspark.support.http;

/** What a call does, which decides when it may be resent. */
public enum CallKind {
    /** Reads nothing is charged for twice: listings, task status, downloads, free generation. */
    READ,
    /** Chat and text generation: resent on transient failures, like the vendors' own clients do. */
    CHAT,
    /**
     * Creates a paid task. Resent only when the provider provably did not take it (connection refused, 429, 503 with
     * {@code Retry-After}), never when the outcome is unknown (read timeout, reset after the request was written, 500).
     */
    PAID_CREATE
}
