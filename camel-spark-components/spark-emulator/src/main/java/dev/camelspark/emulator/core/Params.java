package dev.camelspark.emulator.core;

import java.util.Collection;
import java.util.Locale;

/**
 * Parsing of request parameters with the error messages the emulator answers with: each names the parameter, the
 * value and what is allowed, so a client developer can fix the call from the message alone.
 */
public final class Params {

    /** A parameter that is missing or outside its allowed values; the message is meant for the response body. */
    public static final class Invalid extends RuntimeException {
        private final String parameter;

        public Invalid(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    private Params() {
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new Invalid(name, "Missing required parameter '" + name + "'");
        }
        return value;
    }

    /** A finite number in [min, max], or null when absent. */
    public static Double number(String name, String raw, double min, double max) {
        if (raw == null) {
            return null;
        }
        String range = "must be a number between " + min + " and " + max;
        double v;
        try {
            v = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new Invalid(name, "Invalid value '" + raw + "' for '" + name + "': " + range);
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new Invalid(name, "Invalid value '" + raw + "' for '" + name + "': " + range);
        }
        return v;
    }

    /** An integer in [min, max], or null when absent. */
    public static Long integer(String name, String raw, long min, long max) {
        if (raw == null) {
            return null;
        }
        long v;
        try {
            v = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new Invalid(name, "Invalid value '" + raw + "' for '" + name + "': must be an integer"
                    + (min == Long.MIN_VALUE ? "" : " between " + min + " and " + max));
        }
        if (v < min || v > max) {
            throw new Invalid(name, "Invalid value '" + raw + "' for '" + name + "': must be an integer between "
                    + min + " and " + max);
        }
        return v;
    }

    /** {@code true/false/1/0} in any case (the vendor's Python client sends {@code True}); null when absent. */
    public static Boolean bool(String name, String raw) {
        if (raw == null) {
            return null;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
                return Boolean.TRUE;
            case "false":
            case "0":
                return Boolean.FALSE;
            default:
                throw new Invalid(name, "Invalid value '" + raw + "' for '" + name
                        + "': must be a boolean (true, false, 1 or 0)");
        }
    }

    /** One of the allowed values (compared case-insensitively, answered in the allowed spelling), or null. */
    public static String oneOf(String name, String raw, Collection<String> allowed) {
        if (raw == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(raw.trim())) {
                return a;
            }
        }
        throw new Invalid(name, "Invalid value '" + raw + "' for '" + name + "': must be one of "
                + String.join(", ", allowed));
    }
}
