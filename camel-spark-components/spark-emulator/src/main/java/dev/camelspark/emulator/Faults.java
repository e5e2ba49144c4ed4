package dev.camelspark.emulator;

import java.util.Optional;

/**
 * The fault rules of one emulator, shared by all providers. Rules are tried in the order they were added; the first
 * that matches wins and uses up one of its {@code times}. Request faults (respond, latency, reset) are looked up when
 * a request arrives; stream faults (cut, stall) when a streamed answer starts, so a stream fault is never used up by
 * a call that does not stream.
 */
public final class Faults extends RuleBook<Fault> {

    public Faults() {
        super("fault-", Fault.class);
    }

    /** The respond/latency/reset rule for a request that just arrived, using it up. */
    public Optional<Fault> takeRequestFault(Provider provider, String method, String path) {
        return take(f -> !f.type().isStreamFault() && f.matches(provider, method, path));
    }

    /** The cut/stall rule for a stream that is about to start, using it up. */
    public Optional<Fault> takeStreamFault(Provider provider, String method, String path) {
        return take(f -> f.type().isStreamFault() && f.matches(provider, method, path));
    }
}
