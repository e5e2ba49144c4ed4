package dev.camelspark.routes;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Prepares a job's call: the prompt becomes the body, each job option becomes the component's override header
 * ({@code temperature} → {@code CamelDynaSparkTemperature}), and the job key becomes {@code CamelSparkTaskKey}, so
 * an asynchronous job resumes its recorded task after a restart instead of paying again. Options a component does
 * not let a message override are refused with the list of those it does, before any call.
 */
public final class JobRunner {

    /** The task-key header of the task machinery (asynchronous providers resume a recorded task by it). */
    static final String TASK_KEY = "CamelSparkTaskKey";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Set<String>> overridable = new ConcurrentHashMap<>();

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
        String prefix = Providers.HEADER_PREFIX.get(job.provider());
        Set<String> allowed = overridableOptions(exchange.getContext(), job.provider(), prefix);
        message.removeHeaders("CamelSpark*");
        message.removeHeaders(prefix + "*");
        for (Map.Entry<String, Object> option : job.options().entrySet()) {
            if (!allowed.contains(option.getKey())) {
                throw new IllegalArgumentException("unknown option '" + option.getKey() + "' for " + job.endpoint()
                                                   + "; a job may set: " + String.join(", ", allowed));
            }
            String name = option.getKey();
            message.setHeader(prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1), option.getValue());
        }
        message.setHeader(TASK_KEY, job.key());
        message.setBody(job.prompt());
        exchange.setProperty(ENDPOINT, job.endpoint());
        exchange.setProperty(JobSidecar.STARTED, Instant.now());
    }

    /** The options a message may override, read from the component's own metadata (its override headers). */
    private Set<String> overridableOptions(CamelContext context, String provider, String prefix) {
        return overridable.computeIfAbsent(provider, p -> {
            try {
                String schema = context instanceof CatalogCamelContext catalog ? catalog.getComponentParameterJsonSchema(p) : null;
                if (schema == null) {
                    throw new IllegalArgumentException("provider '" + p + "' is not available in this application");
                }
                JsonNode metadata = JSON.readTree(schema);
                JsonNode endpointOptions = metadata.path("properties");
                Set<String> options = new TreeSet<>();
                // an override header is named after an endpoint option; other prefixed headers are results
                metadata.path("headers").fieldNames().forEachRemaining(h -> {
                    if (h.startsWith(prefix) && h.length() > prefix.length()) {
                        String rest = h.substring(prefix.length());
                        String option = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
                        if (endpointOptions.has(option)) {
                            options.add(option);
                        }
                    }
                });
                return options;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the metadata of component " + p, e);
            }
        });
    }

    /** The shared result header with the cost, if the provider reported one. */
    static Object cost(Message message) {
        return message.getHeader(SparkConstants.COST);
    }
}
