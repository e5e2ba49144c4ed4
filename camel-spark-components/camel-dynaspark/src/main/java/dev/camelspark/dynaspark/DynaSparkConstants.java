package dev.camelspark.dynaspark;

import dev.camelspark.support.SparkConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the {@code dynaspark:} component. The shared {@code CamelSpark*} result headers are inherited; the
 * {@code CamelDynaSpark*} headers below override the endpoint option of the same name for one message.
 */
public final class DynaSparkConstants extends SparkConstants {

    public static final String HEADER_PREFIX = "CamelDynaSpark";

    @Metadata(description = "Overrides option model.", javaType = "String")
    public static final String OVERRIDE_MODEL = "CamelDynaSparkModel";
    @Metadata(description = "Overrides option temperature (0.0-3.0).", javaType = "Double")
    public static final String OVERRIDE_TEMPERATURE = "CamelDynaSparkTemperature";
    @Metadata(description = "Overrides option topP (0.0-1.0).", javaType = "Double")
    public static final String OVERRIDE_TOP_P = "CamelDynaSparkTopP";
    @Metadata(description = "Overrides option presencePenalty (-2.0-2.0).", javaType = "Double")
    public static final String OVERRIDE_PRESENCE_PENALTY = "CamelDynaSparkPresencePenalty";
    @Metadata(description = "Overrides option frequencyPenalty (-2.0-2.0).", javaType = "Double")
    public static final String OVERRIDE_FREQUENCY_PENALTY = "CamelDynaSparkFrequencyPenalty";
    @Metadata(description = "Overrides option json.", javaType = "Boolean")
    public static final String OVERRIDE_JSON = "CamelDynaSparkJson";
    @Metadata(description = "Overrides option system (the system prompt).", javaType = "String")
    public static final String OVERRIDE_SYSTEM = "CamelDynaSparkSystem";
    @Metadata(description = "Overrides option stream.", javaType = "Boolean")
    public static final String OVERRIDE_STREAM = "CamelDynaSparkStream";
    @Metadata(description = "Overrides option privateGeneration.", javaType = "Boolean")
    public static final String OVERRIDE_PRIVATE = "CamelDynaSparkPrivateGeneration";
    @Metadata(description = "Overrides option seed.", javaType = "Long")
    public static final String OVERRIDE_SEED = "CamelDynaSparkSeed";
    @Metadata(description = "Overrides option referrer.", javaType = "String")
    public static final String OVERRIDE_REFERRER = "CamelDynaSparkReferrer";
    @Metadata(description = "Overrides option voice.", javaType = "String", enums = "alloy,echo,fable,onyx,nova,shimmer")
    public static final String OVERRIDE_VOICE = "CamelDynaSparkVoice";
    @Metadata(description = "Overrides option width (64-2048).", javaType = "Integer")
    public static final String OVERRIDE_WIDTH = "CamelDynaSparkWidth";
    @Metadata(description = "Overrides option height (64-2048).", javaType = "Integer")
    public static final String OVERRIDE_HEIGHT = "CamelDynaSparkHeight";
    @Metadata(description = "Overrides option nologo.", javaType = "Boolean")
    public static final String OVERRIDE_NOLOGO = "CamelDynaSparkNologo";
    @Metadata(description = "Overrides option wm (custom watermark).", javaType = "String")
    public static final String OVERRIDE_WM = "CamelDynaSparkWm";

    private DynaSparkConstants() {
    }
}
