package dev.camelspark.emulator;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every request to a provider API (never the control API), in arrival order. Bounded: the oldest entries are dropped
 * past {@link EmulatorSettings#maxLoggedRequests()}.
 */
public final class RequestLog {

    private final ConcurrentLinkedDeque<RecordedRequest> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final List<Consumer<RecordedRequest>> completionListeners = new CopyOnWriteArrayList<>();
    private final IntSupplier capacity;

    RequestLog(IntSupplier capacity) {
        this.capacity = capacity;
    }

    /** For the provider router: the next arrival number. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    public void add(RecordedRequest request) {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        entries.addLast(request);
        if (size.incrementAndGet() > capacity.getAsInt() && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** All recorded requests, oldest first. */
    public List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    /** The requests to one provider, oldest first. */
    public List<RecordedRequest> of(Provider provider) {
        return find(r -> r.provider() == provider);
    }

    public List<RecordedRequest> find(Predicate<RecordedRequest> filter) {
        return entries.stream().filter(filter).collect(Collectors.toUnmodifiableList());
    }

    /** The requests a pattern matches, oldest first: {@code find(RequestPattern.on(Provider.SPARKGPT).operation("chat"))}. */
    public List<RecordedRequest> find(RequestPattern pattern) {
        RequestPattern checked = new RequestPattern(pattern);
        checked.validate();
        return find(checked::matches);
    }

    /** How many requests a pattern matches. */
    public long count(RequestPattern pattern) {
        return find(pattern).size();
    }

    /**
     * How many requests to this provider used this method and path, the path below the base URL
     * ({@code /video/generations}) or below the provider prefix ({@code /api/v1/video/generations}).
     */
    public long count(Provider provider, String method, String path) {
        return entries.stream()
                .filter(r -> r.provider() == provider && r.method().equalsIgnoreCase(method)
                        && (r.path().equals(path) || path.equals(provider.belowBaseUrl(r.path()))))
                .count();
    }

    /** The most recent request, or null. */
    public RecordedRequest last() {
        return entries.peekLast();
    }

    public void clear() {
        entries.clear();
        size.set(0);
        peakInFlight.set(inFlight.get());
    }

    /**
     * Requests received and not yet answered (a stream still being sent counts), across all providers. A request
     * counts as answered when the server's last write completes, which can be a moment after the client has read it.
     */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * The most requests that were in flight at the same time since the log was last cleared (or the emulator
     * reset): what a client's {@code maxConcurrentRequests} must keep at or below its cap.
     */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    public void clear(Provider provider) {
        entries.removeIf(r -> {
            if (r.provider() == provider) {
                size.decrementAndGet();
                return true;
            }
            return false;
        });
    }

    /** Called when a request has been answered (or its connection closed); used by the standalone console. */
    public void onCompleted(Consumer<RecordedRequest> listener) {
        completionListeners.add(listener);
    }

    /** For the provider router: tells listeners that a request is done. */
    public void completed(RecordedRequest request) {
        synchronized (request) {
            if (request.completed()) {
                return; // told twice (the response ended, then the connection closed)
            }
            request.markCompleted();
        }
        inFlight.decrementAndGet();
        for (Consumer<RecordedRequest> l : completionListeners) {
            l.accept(request);
        }
    }
}
