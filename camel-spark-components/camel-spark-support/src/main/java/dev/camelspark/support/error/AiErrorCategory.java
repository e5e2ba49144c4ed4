package dev.camelspark.support.error;

/**
 * The coarse failure categories of Camel's AI components, set on a failed exchange as property
 * {@value SparkErrorProperties#ERROR_CATEGORY} so a route can branch without matching exception classes.
 */
public enum AiErrorCategory {
    RATE_LIMIT,
    SERVER_ERROR,
    VALIDATION,
    AUTH,
    UNKNOWN
}
