package dev.camelspark.support.observe;

import org.apache.camel.Exchange;

/**
 * What an endpoint tells metrics and traces of its calls, in the OpenTelemetry GenAI vocabulary. The Spark endpoints
 * implement it, so that {@link SparkSpanDecorator} reads them without knowing the endpoint classes.
 */
public interface GenAiEndpoint {

    /** {@code gen_ai.provider.name}: the component's scheme, e.g. {@code dynaspark}. */
    String providerName();

    /** {@code gen_ai.operation.name} of this endpoint's calls; {@code null} when they generate nothing. */
    String genAiOperation();

    /** {@code gen_ai.request.model} of this message: the endpoint's model or its override header's; may be {@code null}. */
    String requestModel(Exchange exchange);

    /** {@code gen_ai.response.model}: the model the answer names, once the call is done; may be {@code null}. */
    String responseModel(Exchange exchange);
}
