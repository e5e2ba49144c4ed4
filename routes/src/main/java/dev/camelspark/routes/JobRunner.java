package dev.camelspark.routes;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProvider;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Prepares a job's call: the prompt becomes the body, each job option becomes the component's override header
 * ({@code temperature} → {@code CamelDynaSparkTemperature}), and the job key becomes {@code CamelSparkTaskKey}, so
 * an asynchronous job resumes its recorded task after a restart instead of paying again. Options a component does
 * not let a message override are refused with the list of those it does, before any call.
 */
public final class JobRunner {

    /** Exchange property: the endpoint to call, for {@code toD}. */
    public static final String ENDPOINT = "sparkEndpoint";

    public void prepare(Exchange exchange) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        String enabled = exchange.getContext().resolvePropertyPlaceholders("{{spark.batch.providers}}");
        if (!java.util.Arrays.stream(enabled.split(",")).map(String::trim).toList().contains(job.provider())) {
            throw new IllegalArgumentException("provider '" + job.provider() + "' is not enabled; enabled: " + enabled
                                               + " (spark.batch.providers)");
        }
        Message message = exchange.getMessage();
        SparkProvider provider = Providers.of(job.provider());
        String prefix = provider.headerPrefix();
        Set<String> allowed = overridableOptions(job.provider());
        message.removeHeaders("CamelSpark*");
        message.removeHeaders(prefix + "*");
        for (Map.Entry<String, Object> option : job.options().entrySet()) {
            if (!allowed.contains(option.getKey())) {
                throw new IllegalArgumentException("unknown option '" + option.getKey() + "' for " + job.endpoint()
                                                   + "; a job may set: " + String.join(", ", allowed));
            }
            message.setHeader(provider.overrideHeader(option.getKey()), option.getValue());
        }
        message.setHeader(SparkConstants.TASK_KEY, job.key());
        message.setBody(job.prompt());
        exchange.setProperty(ENDPOINT, job.endpoint());
        exchange.setProperty(JobSidecar.STARTED, Instant.now());
    }

    /** The options a message may override, as the provider's component declares them. */
    private static Set<String> overridableOptions(String provider) {
        return new TreeSet<>(Providers.of(provider).overridableOptions());
    }

    /** The shared result header with the cost, if the provider reported one. */
    static Object cost(Message message) {
        return message.getHeader(SparkConstants.COST);
    }
}
