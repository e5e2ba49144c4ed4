package dev.camelspark.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.camelspark.emulator.core.ContentKind;

/**
 * The stubs of one emulator, shared by all providers. Stubs are tried in the order they were added; the first that
 * matches a request and can answer it wins and uses up one of its {@code times}. Errors and faults are looked up
 * when a request arrives (after the fault rules, which come first), stream faults when a streamed answer starts,
 * and text, images and task outcomes where the provider generates them, each only among the stubs whose reply fits
 * the call (a text reply never answers an image call).
 */
public final class Stubs extends RuleBook<Stub> {

    private final Function<Provider, Map<String, Set<ContentKind>>> operations;

    /** @param operations each provider's operations, with the content replies each can give */
    Stubs(Function<Provider, Map<String, Set<ContentKind>>> operations) {
        super("stub-", Stub.class);
        this.operations = operations;
    }

    /** The error or fault (not a stream fault) a stub gives a request that just arrived, using it up. */
    public Optional<Reply> takeAnswer(RecordedRequest request) {
        return take(s -> s.reply().kind().isAnswer() && !isStreamFault(s.reply())
                && s.request().matches(request)).map(Stub::reply);
    }

    /** The cut or stall fault a stub gives a stream about to start, using it up. */
    public Optional<Fault> takeStreamFault(RecordedRequest request) {
        return take(s -> isStreamFault(s.reply()) && s.request().matches(request)).map(s -> s.reply().fault());
    }

    /** The text, image or task outcome a stub gives the call, among the kinds it can use, using it up. */
    public Optional<Reply> takeContent(RecordedRequest request, Set<Reply.Kind> kinds) {
        return take(s -> kinds.contains(s.reply().kind()) && s.request().matches(request)).map(Stub::reply);
    }

    private static boolean isStreamFault(Reply reply) {
        return reply.kind() == Reply.Kind.FAULT && reply.fault().type().isStreamFault();
    }

    /** A stub for an operation no provider has, or with a reply its operation cannot give, is refused when added. */
    @Override
    void check(Stub stub) {
        String operation = stub.request().operation();
        Reply.Kind kind = stub.reply().kind();
        if (operation == null) {
            return;
        }
        Provider only = stub.request().provider();
        Set<ContentKind> fits = new TreeSet<>();
        boolean known = false;
        for (Provider p : only == null ? List.of(Provider.values()) : List.of(only)) {
            Set<ContentKind> kinds = operations.apply(p).get(operation);
            if (kinds != null) {
                known = true;
                fits.addAll(kinds);
            }
        }
        if (!known) {
            throw new IllegalArgumentException("unknown operation '" + operation + "'"
                    + (only == null ? "" : " of " + only.id()) + ": one of " + operationNames(only));
        }
        if (!kind.isAnswer() && !fits.contains(kind.content())) {
            throw new IllegalArgumentException("a " + kind.id() + " reply cannot answer operation '" + operation
                    + "'" + (only == null ? "" : " of " + only.id()) + ": it takes "
                    + fits.stream().map(ContentKind::id).map(id -> id + ", ").collect(Collectors.joining())
                    + "error or fault replies");
        }
    }

    private String operationNames(Provider only) {
        Set<String> names = new TreeSet<>();
        for (Provider p : only == null ? List.of(Provider.values()) : List.of(only)) {
            names.addAll(operations.apply(p).keySet());
        }
        return String.join(", ", names);
    }
}
