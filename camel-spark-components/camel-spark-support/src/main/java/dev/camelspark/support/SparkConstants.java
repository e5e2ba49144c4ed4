package dev.camelspark.support;

import org.apache.camel.spi.Metadata;

/**
 * Headers every Spark component sets on its results, with the same names, so a route can switch provider without
 * rewriting what it reads. Each component's constants class extends this one (the metadata generator reads
 * inherited constants). Inputs are never read from these: per-message overrides use the provider's own prefix
 * ({@code CamelDynaSparkModel}), so one call's result headers cannot steer the next call.
 */
public class SparkConstants {

    @Metadata(description = "The model that produced the result, as the provider named it.", javaType = "String")
    public static final String MODEL = "CamelSparkModel";
    @Metadata(description = "The seed used, so the result can be reproduced.", javaType = "Long",
              applicableFor = { "dynaspark", "sparkdream" })
    public static final String SEED = "CamelSparkSeed";
    @Metadata(description = "Tokens in the prompt, when the provider reports them.", javaType = "Integer",
              applicableFor = { "dynaspark", "sparkstream" })
    public static final String PROMPT_TOKENS = "CamelSparkPromptTokens";
    @Metadata(description = "Tokens in the answer, when the provider reports them.", javaType = "Integer",
              applicableFor = { "dynaspark", "sparkstream" })
    public static final String COMPLETION_TOKENS = "CamelSparkCompletionTokens";
    @Metadata(description = "Prompt plus answer tokens, when the provider reports them.", javaType = "Integer",
              applicableFor = { "dynaspark", "sparkstream" })
    public static final String TOTAL_TOKENS = "CamelSparkTotalTokens";
    @Metadata(description = "The provider's id of the asynchronous task.", javaType = "String",
              applicableFor = { "sparkdream", "neospark" })
    public static final String TASK_ID = "CamelSparkTaskId";
    @Metadata(description = "The task's status as the provider reported it (pending, processing, completed, failed, ...).",
              javaType = "String", applicableFor = { "sparkdream", "neospark" })
    public static final String TASK_STATUS = "CamelSparkTaskStatus";
    @Metadata(description = "The task's progress, normalised to 0-100.", javaType = "Integer",
              applicableFor = { "sparkdream", "neospark" })
    public static final String PROGRESS = "CamelSparkProgress";
    @Metadata(description = "What the call cost: USD for sparkstream (from the published price per 1K tokens) and sparkdream, credits for neospark.",
              javaType = "java.math.BigDecimal", applicableFor = { "sparkstream", "sparkdream", "neospark" })
    public static final String COST = "CamelSparkCost";
    @Metadata(description = "The URL of the generated media (absolute).", javaType = "String",
              applicableFor = { "dynaspark", "sparkdream", "neospark" })
    public static final String MEDIA_URL = "CamelSparkMediaUrl";
    @Metadata(description = "Requests left in the provider's current rate-limit window (X-RateLimit-Remaining).",
              javaType = "Long")
    public static final String RATE_LIMIT_REMAINING = "CamelSparkRateLimitRemaining";
    @Metadata(description = "When the provider's rate-limit window resets, in epoch seconds (X-RateLimit-Reset).",
              javaType = "Long")
    public static final String RATE_LIMIT_RESET = "CamelSparkRateLimitReset";
    @Metadata(description = "How many HTTP attempts the call took (1 when the first succeeded).", javaType = "Integer")
    public static final String ATTEMPTS = "CamelSparkAttempts";
    @Metadata(label = "producer",
              description = "An input, not a result: what identifies the input of a task submission, so that the same input submitted again (after a restart) resumes the task already paid for instead of creating another. When not set, the file consumer's path, last-modified time and length are used.",
              javaType = "String", applicableFor = { "sparkdream", "neospark" })
    public static final String TASK_KEY = "CamelSparkTaskKey";

    protected SparkConstants() {
    }
}
