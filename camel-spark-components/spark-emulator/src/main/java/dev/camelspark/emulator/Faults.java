package dev.camelspark.emulator;

import java.util.List;
import java.util.Optional;

/**
 * The fault rules of one emulator, shared by all providers. Rules are tried in the order they were added; the first
 * that matches wins and uses up one of its {@code times}. Request faults (respond, latency, reset) are looked up when
 * a request arrives; stream faults (cut, stall) when a streamed answer starts, so a stream fault is never used up by
 * a call that does not stream.
 */
public final class Faults {

    private final RuleBook<Fault> rules = new RuleBook<>("fault-", Fault::new, Fault::times);

    /** Adds a copy of the rule at the end of the list; returns its id, for {@link #remove(String)}. */
    public String add(Fault fault) {
        Fault copy = new Fault(fault);
        copy.validate();
        return rules.add(copy);
    }

    public boolean remove(String id) {
        return rules.remove(id);
    }

    public void clear() {
        rules.clear();
    }

    /** A snapshot of the rules still active. */
    public List<RuleBook.Active<Fault>> list() {
        return rules.list();
    }

    /** The respond/latency/reset rule for a request that just arrived, using it up. */
    public Optional<Fault> takeRequestFault(Provider provider, String method, String path) {
        return rules.take(f -> !f.type().isStreamFault() && f.matches(provider, method, path));
    }

    /** The cut/stall rule for a stream that is about to start, using it up. */
    public Optional<Fault> takeStreamFault(Provider provider, String method, String path) {
        return rules.take(f -> f.type().isStreamFault() && f.matches(provider, method, path));
    }
}
