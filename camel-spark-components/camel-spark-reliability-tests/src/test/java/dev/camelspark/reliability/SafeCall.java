package dev.camelspark.reliability;

import java.util.function.Function;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import org.apache.camel.Exchange;

/**
 * A call that may be made again without paying twice, one or two per component: reads (task status, listings,
 * training data), free generation, chat, and media downloads. Each names the request it makes, so a fault can be put
 * on exactly that request and its attempts counted.
 */
enum SafeCall {

    DYNASPARK_TEXT(Provider.DYNASPARK, "dynaspark:text", "GET", "/generate_response", t -> "Why do camels have humps?"),
    DYNASPARK_IMAGE_DOWNLOAD(Provider.DYNASPARK, "dynaspark:image?width=64&height=64", "GET", "/generated/*",
            t -> "A lighthouse in a storm"),
    SPARKGPT_CHAT(Provider.SPARKGPT, "sparkgpt:chat?modelId=5", "POST", "/api/askoutside",
            t -> "What is your favorite tea?"),
    SPARKGPT_TRAINING_DATA(Provider.SPARKGPT, "sparkgpt:training-data?modelId=5", "POST", "/api/getModelTrain", t -> ""),
    SPARKSTREAM_CHAT(Provider.SPARKSTREAM, "sparkstream:chat?model=spark-1", "POST", "/v1/chat", t -> "Hello there"),
    SPARKDREAM_STATUS(Provider.SPARKDREAM, "sparkdream:status", "GET", "/model/v1/generation/task/*",
            t -> ReliabilityTestSupport.taskCreatedDirectly(Provider.SPARKDREAM)),
    NEOSPARK_MODELS(Provider.NEOSPARK, "neospark:models", "GET", "/drawing/models/config", t -> ""),
    NEOSPARK_VIDEO_STATUS(Provider.NEOSPARK, "neospark:status", "GET", "/video/generations/*",
            t -> ReliabilityTestSupport.taskCreatedDirectly(Provider.NEOSPARK));

    final Provider provider;
    final String operation;
    final String method;
    final String path;
    private final Function<ReliabilityTestSupport, Object> body;

    SafeCall(Provider provider, String operation, String method, String path,
             Function<ReliabilityTestSupport, Object> body) {
        this.provider = provider;
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.body = body;
    }

    /** The body to send; for a status read, a task created now (whose create is then no longer in the log). */
    Object body(ReliabilityTestSupport test) {
        Object value = body.apply(test);
        ReliabilityTestSupport.emulator().requests().clear();
        return value;
    }

    String uri(String... options) {
        return ReliabilityTestSupport.uri(provider, operation, options);
    }

    /** A fault rule on exactly this call's request. */
    Fault on(Fault fault) {
        return fault.on(provider).method(method).path(path);
    }

    /** How many times the emulator received this call's request. */
    int attempts() {
        return requestsOf(this).size();
    }

    /** One call of each component, for the tests that wait whole seconds. */
    static java.util.stream.Stream<SafeCall> onePerComponent() {
        return java.util.stream.Stream.of(DYNASPARK_TEXT, SPARKGPT_CHAT, SPARKSTREAM_CHAT, SPARKDREAM_STATUS,
                NEOSPARK_VIDEO_STATUS);
    }

    static java.util.List<dev.camelspark.emulator.RecordedRequest> requestsOf(SafeCall call) {
        return ReliabilityTestSupport.received(call.provider, call.method, call.path);
    }

    static String failureOf(Exchange exchange) {
        return exchange.getException() == null ? "no failure" : exchange.getException().toString();
    }
}
