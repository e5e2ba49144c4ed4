package dev.camelspark.endpointdsl;

/**
 * The endpoint builders of the five camel-spark components as static methods, for any {@code RouteBuilder}:
 * {@code import static dev.camelspark.endpointdsl.SparkEndpoints.*;} then
 * {@code .to(dynaspark("image").width(1024).height(768))}. The same as {@link SparkEndpointBuilders}, which a route
 * builder implements instead.
 */
public final class SparkEndpoints {

    private SparkEndpoints() {
    }

    /** DynaSpark: {@code text}, {@code image} or {@code audio}. */
    public static DynaSparkEndpointBuilderFactory.DynaSparkEndpointBuilder dynaspark(String operation) {
        return DynaSparkEndpointBuilderFactory.endpointBuilder("dynaspark", operation);
    }

    /** SparkGPT: {@code chat} or {@code training-data}. */
    public static SparkGptEndpointBuilderFactory.SparkGptEndpointBuilder sparkgpt(String operation) {
        return SparkGptEndpointBuilderFactory.endpointBuilder("sparkgpt", operation);
    }

    /** SparkAI Stream: {@code chat}. */
    public static SparkStreamEndpointBuilderFactory.SparkStreamEndpointBuilder sparkstream(String operation) {
        return SparkStreamEndpointBuilderFactory.endpointBuilder("sparkstream", operation);
    }

    /** Spark Dream: {@code generate}, {@code submit}, {@code status}, or {@code tasks} as a consumer. */
    public static SparkDreamEndpointBuilderFactory.SparkDreamEndpointBuilder sparkdream(String operation) {
        return SparkDreamEndpointBuilderFactory.endpointBuilder("sparkdream", operation);
    }

    /** NeoSpark: {@code image}, {@code video}, {@code image-submit}, ..., or {@code tasks} as a consumer. */
    public static NeoSparkEndpointBuilderFactory.NeoSparkEndpointBuilder neospark(String operation) {
        return NeoSparkEndpointBuilderFactory.endpointBuilder("neospark", operation);
    }
}
