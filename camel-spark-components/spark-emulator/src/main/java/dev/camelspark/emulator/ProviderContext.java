package dev.camelspark.emulator;

import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.camelspark.emulator.core.ContentKind;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Media;
import dev.camelspark.emulator.core.ProviderSettings;
import dev.camelspark.emulator.core.StreamFault;
import dev.camelspark.emulator.core.TaskPlan;
import io.vertx.ext.web.RoutingContext;

/**
 * The emulator as one provider sees it: the clock, its prefix, the global timing settings, and what the fault
 * rules, stubs and task rules give its calls. The provider's router ({@link ProviderRouter}) leaves on each request
 * what was recorded of it and which content its operation can take from a stub.
 */
final class ProviderContext implements EmulatorContext {

    private static final String RECORD_KEY = "spark-emulator.request";
    private static final String CONTENT_KINDS_KEY = "spark-emulator.content-kinds";
    private static final String STUBBED_KEY = "spark-emulator.stubbed";

    private final Provider provider;
    private final EmulatorState state;

    ProviderContext(Provider provider, EmulatorState state) {
        this.provider = provider;
        this.state = state;
    }

    Provider provider() {
        return provider;
    }

    EmulatorState state() {
        return state;
    }

    @Override
    public InstantSource clock() {
        return state.clock();
    }

    @Override
    public String prefix() {
        return provider.prefix();
    }

    @Override
    public Duration tokenDelay(ProviderSettings settings) {
        Duration d = settings.tokenDelay();
        return d != null ? d : state.settings().tokenDelay();
    }

    /** The provider's own latency, else the global one. */
    Duration latency(ProviderSettings settings) {
        Duration d = settings.latency();
        return d != null ? d : state.settings().latency();
    }

    @Override
    public Duration stallCap() {
        return state.settings().stallCap();
    }

    @Override
    public Optional<String> stubbedText(RoutingContext rc) {
        return stubbed(rc).filter(r -> r.kind() == Reply.Kind.TEXT).map(Reply::text);
    }

    @Override
    public Optional<Media> stubbedImage(RoutingContext rc) {
        return stubbed(rc).filter(r -> r.kind() == Reply.Kind.IMAGE).map(r -> new Media(r.contentType(), r::image));
    }

    @Override
    public Optional<TaskPlan.Outcome> taskOutcome(RoutingContext rc, String prompt) {
        Optional<TaskRule> stubbed = stubbed(rc).filter(r -> r.kind() == Reply.Kind.TASK).map(Reply::task);
        return (stubbed.isPresent() ? stubbed : state.taskRules().take(provider, prompt)).map(TaskRule::toOutcome);
    }

    @Override
    public Optional<StreamFault> streamFault(RoutingContext rc) {
        RecordedRequest rec = recorded(rc);
        return state.faults().takeStreamFault(provider, rec.method(), rec.path())
                .or(() -> state.stubs().takeStreamFault(rec)).map(Fault::toStreamFault);
    }

    /**
     * The content reply (text, image, task outcome) a stub gives this request, taken (used up) on the first call and
     * the same on the later ones. Only stubs whose reply the request's operation can use are considered.
     */
    private Optional<Reply> stubbed(RoutingContext rc) {
        Optional<Reply> taken = rc.get(STUBBED_KEY);
        if (taken == null) {
            Set<Reply.Kind> kinds = rc.get(CONTENT_KINDS_KEY);
            taken = kinds == null || kinds.isEmpty() ? Optional.empty() : state.stubs().takeContent(recorded(rc), kinds);
            rc.put(STUBBED_KEY, taken);
        }
        return taken;
    }

    /** Leaves the recorded request on the routing context, with the content its operation can take from a stub. */
    static void remember(RoutingContext rc, RecordedRequest rec, Set<ContentKind> contents) {
        Set<Reply.Kind> kinds = EnumSet.noneOf(Reply.Kind.class);
        for (Reply.Kind k : Reply.Kind.values()) {
            if (k.content() != null && contents.contains(k.content())) {
                kinds.add(k);
            }
        }
        rc.put(RECORD_KEY, rec);
        rc.put(CONTENT_KINDS_KEY, kinds);
    }

    /** The request as recorded in the log. */
    static RecordedRequest recorded(RoutingContext rc) {
        return rc.get(RECORD_KEY);
    }
}
