package dev.camelspark.routes;

import java.util.Map;

/**
 * One generation to run: what to call, with what, and where its result goes.
 *
 * @param provider  the component scheme (dynaspark, sparkgpt, sparkstream, sparkdream, neospark)
 * @param operation the endpoint's operation (text, image, chat, generate, video, ...)
 * @param prompt    the body sent to the endpoint
 * @param options   per-job option values, applied as the component's override headers
 * @param output    the result's path below outbox/, without extension (safe: no '..', no absolute part)
 * @param key       identifies this job across restarts: same key, same work, done once ({@link JobKeys})
 * @param source    where the job came from, for sidecars and logs (e.g. {@code image/lighthouse.txt},
 *                  {@code batches/cats.csv#3})
 */
public record Job(String provider, String operation, String prompt, Map<String, Object> options, String output,
                  String key, String source) {

    public Job {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** Exchange property holding the job being run. */
    public static final String PROPERTY = "sparkJob";

    public String endpoint() {
        return provider + ":" + operation;
    }

    /** The same job, its result going to {@code newOutput} (the name {@link OutputLedger} claimed for it). */
    public Job withOutput(String newOutput) {
        return new Job(provider, operation, prompt, options, newOutput, key, source);
    }

    /** The same job under another key (a batch line that repeats an earlier one). */
    Job withKey(String newKey) {
        return new Job(provider, operation, prompt, options, output, newKey, source);
    }
}
