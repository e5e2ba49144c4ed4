package dev.camelspark.emulator.neospark;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.Balances;
import dev.camelspark.emulator.core.Json;

/**
 * Credits: what each key has ({@link Balances}, starting from the settings) and a transaction for every change. A
 * create is charged its estimated cost at once, so a short balance answers 402 before any work; a task that fails or
 * is cancelled is refunded.
 */
final class Ledger {

    record Transaction(long id, String type, long amount, long balanceBefore, long balanceAfter, String referenceId,
            String description, Instant createdAt) {

        ObjectNode toJson() {
            return Json.object().put("id", id).put("type", type).put("amount", amount)
                    .put("balance_before", balanceBefore).put("balance_after", balanceAfter)
                    .put("reference_id", referenceId).put("description", description)
                    .put("created_at", createdAt.toString());
        }
    }

    /** A charge the balance cannot pay; the message is the vendor's. */
    static final class Insufficient extends RuntimeException {
        Insufficient(long available, long required) {
            super("Insufficient credits. Available: " + available + ", Required: " + required, null, false, false);
        }
    }

    private final Balances balances;
    private final Map<String, List<Transaction>> byKey = new HashMap<>();
    private long nextId = 1;

    Ledger(NeoSparkSettings settings) {
        this.balances = new Balances(key -> BigDecimal.valueOf(settings.startingBalance(key)));
    }

    long available(String key) {
        return balances.available(key).longValueExact();
    }

    /** Throws {@link Insufficient} unless the key can pay {@code amount}; charges nothing. */
    void checkCovers(String key, long amount) {
        long available = available(key);
        if (available < amount) {
            throw new Insufficient(available, amount);
        }
    }

    /** Charges {@code amount} credits or throws {@link Insufficient}. */
    synchronized void charge(String key, long amount, String referenceId, String description, Instant at) {
        Balances.Charge charge = balances.charge(key, BigDecimal.valueOf(amount));
        long before = charge.available().longValueExact();
        if (!charge.allowed()) {
            throw new Insufficient(before, amount);
        }
        add(key, new Transaction(nextId++, "consume", -amount, before, before - amount, referenceId, description, at));
    }

    synchronized void refund(String key, long amount, String referenceId, String description, Instant at) {
        long before = available(key);
        balances.refund(key, BigDecimal.valueOf(amount));
        add(key, new Transaction(nextId++, "refund", amount, before, before + amount, referenceId, description, at));
    }

    /** The key's transactions, newest first. */
    synchronized List<Transaction> transactions(String key) {
        List<Transaction> list = new ArrayList<>(byKey.getOrDefault(key, List.of()));
        Collections.reverse(list);
        return list;
    }

    synchronized void clear() {
        balances.clear();
        byKey.clear();
        nextId = 1;
    }

    private void add(String key, Transaction t) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }
}
