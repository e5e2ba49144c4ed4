package dev.camelspark.endpointdsl;

/**
 * The endpoint builders of the five camel-spark components, for a route builder to implement beside Camel's own:
 * {@code class Posters extends EndpointRouteBuilder implements SparkEndpointBuilders}, then
 * {@code from(file("inbox")).to(sparkdream("generate").width(1472).height(1104))}. Each component's builder
 * ({@code DynaSparkEndpointBuilderFactory}, ...) is generated from its catalog JSON by Camel's generator, so it has
 * every option, with its Javadoc, and nothing the component does not take.
 */
public interface SparkEndpointBuilders
        extends DynaSparkEndpointBuilderFactory.DynaSparkBuilders,
                SparkGptEndpointBuilderFactory.SparkGptBuilders,
                SparkStreamEndpointBuilderFactory.SparkStreamBuilders,
                SparkDreamEndpointBuilderFactory.SparkDreamBuilders,
                NeoSparkEndpointBuilderFactory.NeoSparkBuilders {
}
