package dev.camelspark.emulator.core;

import io.vertx.ext.web.RoutingContext;

/** Reads {@code Authorization: Bearer KEY}. */
public final class BearerKey {

    private BearerKey() {
    }

    /** The key, or null when the header is missing, not a Bearer one, or empty. */
    public static String of(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = header.substring(7).trim();
        return key.isEmpty() ? null : key;
    }
}
