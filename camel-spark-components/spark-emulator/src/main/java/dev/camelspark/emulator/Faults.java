package dev.camelspark.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The fault rules of one emulator, shared by all providers. Rules are tried in the order they were added; the first
 * that matches wins and uses up one of its {@code times}. Request faults (respond, latency, reset) are looked up when
 * a request arrives; stream faults (cut, stall) when a streamed answer starts, so a stream fault is never used up by
 * a call that does not stream.
 */
public final class Faults {

    /** A rule as stored: its id and how many uses are left (null: until cleared). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Active {
        @JsonProperty
        private final String id;
        @JsonUnwrapped
        private final Fault fault;
        @JsonProperty
        private Integer remaining;
        @JsonProperty
        private long used;

        Active(String id, Fault fault) {
            this.id = id;
            this.fault = fault;
            this.remaining = fault.times();
        }

        public String id() {
            return id;
        }

        public Fault fault() {
            return fault;
        }

        public Integer remaining() {
            return remaining;
        }

        public long used() {
            return used;
        }
    }

    private final List<Active> rules = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** Adds a copy of the rule at the end of the list; returns its id, for {@link #remove(String)}. */
    public String add(Fault fault) {
        Fault copy = new Fault(fault);
        copy.validate();
        String id = "fault-" + ids.incrementAndGet();
        synchronized (rules) {
            rules.add(new Active(id, copy));
        }
        return id;
    }

    public boolean remove(String id) {
        synchronized (rules) {
            return rules.removeIf(a -> a.id.equals(id));
        }
    }

    public void clear() {
        synchronized (rules) {
            rules.clear();
        }
    }

    /** A snapshot of the rules still active. */
    public List<Active> list() {
        synchronized (rules) {
            List<Active> copy = new ArrayList<>();
            for (Active a : rules) {
                Active c = new Active(a.id, new Fault(a.fault));
                c.remaining = a.remaining;
                c.used = a.used;
                copy.add(c);
            }
            return copy;
        }
    }

    /** The respond/latency/reset rule for a request that just arrived, using it up. */
    public Optional<Fault> takeRequestFault(Provider provider, String method, String path) {
        return take(provider, method, path, false);
    }

    /** The cut/stall rule for a stream that is about to start, using it up. */
    public Optional<Fault> takeStreamFault(Provider provider, String method, String path) {
        return take(provider, method, path, true);
    }

    private Optional<Fault> take(Provider provider, String method, String path, boolean stream) {
        synchronized (rules) {
            for (Iterator<Active> it = rules.iterator(); it.hasNext();) {
                Active a = it.next();
                if (a.fault.type().isStreamFault() != stream || !a.fault.matches(provider, method, path)) {
                    continue;
                }
                a.used++;
                if (a.remaining != null && --a.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(a.fault);
            }
            return Optional.empty();
        }
    }
}
