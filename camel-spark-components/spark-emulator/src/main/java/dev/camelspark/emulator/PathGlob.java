package dev.camelspark.emulator;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A path pattern of a rule, {@code *} matching any characters ({@code /} included), tried against a request's path
 * in both forms a test writer may use: below the provider's base URL, as the vendor documents it
 * ({@code /video/generations}), and below the provider prefix ({@code /api/v1/video/generations}).
 */
final class PathGlob {

    private final String pattern;
    private final Pattern regex;

    /** Null for none; in JSON a rule's path is the pattern's text. */
    @JsonCreator
    static PathGlob of(String pattern) {
        return pattern == null ? null : new PathGlob(pattern);
    }

    private PathGlob(String pattern) {
        this.pattern = pattern;
        StringBuilder sb = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (sb.length() > 0) {
                sb.append(".*");
            }
            sb.append(Pattern.quote(part));
        }
        this.regex = Pattern.compile(sb.toString());
    }

    /** @param pathBelowPrefix the request's path as recorded, e.g. {@code /api/v1/video/generations} */
    boolean matches(Provider provider, String pathBelowPrefix) {
        if (regex.matcher(pathBelowPrefix).matches()) {
            return true;
        }
        String belowBase = provider.belowBaseUrl(pathBelowPrefix);
        return belowBase != null && !belowBase.equals(pathBelowPrefix) && regex.matcher(belowBase).matches();
    }

    @JsonValue
    @Override
    public String toString() {
        return pattern;
    }
}
