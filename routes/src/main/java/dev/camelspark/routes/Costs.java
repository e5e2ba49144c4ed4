package dev.camelspark.routes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cost totals, one per unit: USD and NeoSpark credits are never added into one number. Thread-safe.
 */
final class Costs {

    private final Map<String, BigDecimal> totals = new TreeMap<>();

    /** Adds a job's cost in {@code unit}; a null cost (the provider reported none) adds nothing. */
    synchronized void add(String unit, BigDecimal cost) {
        if (cost != null && unit != null) {
            totals.merge(unit, cost, BigDecimal::add);
        }
    }

    synchronized boolean isEmpty() {
        return totals.values().stream().allMatch(c -> c.signum() == 0);
    }

    /** The totals by unit, e.g. {@code {credits=130, USD=0.0042}}. */
    synchronized Map<String, BigDecimal> totals() {
        return new TreeMap<>(totals);
    }

    /** {@code 0.0042 USD, 130 credits}. */
    @Override
    public synchronized String toString() {
        return format(totals);
    }

    /** Totals by unit as {@code 0.0042 USD, 130 credits}; empty when nothing was spent. */
    static String format(Map<String, BigDecimal> totals) {
        return totals.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                .map(e -> e.getValue().toPlainString() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
