package dev.camelspark.emulator.core;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What each API key has left to spend: its starting balance (from the provider's settings, read at every charge so
 * a settings change applies at once) minus what it has spent since the last reset. For providers that charge per
 * task (Spark Dream in USD, NeoSpark in credits).
 */
public final class Balances {

    /** The outcome of a charge: whether it was made, and the balance before it. */
    public record Charge(boolean allowed, BigDecimal available, BigDecimal cost) {
    }

    private final Function<String, BigDecimal> startingBalance;
    private final Map<String, BigDecimal> spent = new HashMap<>();

    /** @param startingBalance the balance of a key before it spent anything */
    public Balances(Function<String, BigDecimal> startingBalance) {
        this.startingBalance = startingBalance;
    }

    /** Takes {@code cost} from the key's balance if it covers it; otherwise takes nothing. */
    public synchronized Charge charge(String key, BigDecimal cost) {
        BigDecimal available = available(key);
        boolean allowed = available.compareTo(cost) >= 0;
        if (allowed) {
            spent.merge(key, cost, BigDecimal::add);
        }
        return new Charge(allowed, available, cost);
    }

    /** Gives back what a charge took (NeoSpark refunds a task that failed or was cancelled). */
    public synchronized void refund(String key, BigDecimal amount) {
        spent.merge(key, amount.negate(), BigDecimal::add);
    }

    public synchronized BigDecimal available(String key) {
        return startingBalance.apply(key).subtract(spent.getOrDefault(key, BigDecimal.ZERO));
    }

    public synchronized void clear() {
        spent.clear();
    }
}
