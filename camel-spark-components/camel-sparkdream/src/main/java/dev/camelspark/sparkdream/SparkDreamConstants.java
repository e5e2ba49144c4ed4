package dev.camelspark.sparkdream;

import dev.camelspark.support.SparkConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the {@code sparkdream:} component. The shared {@code CamelSpark*} result headers are inherited; the
 * {@code CamelSparkDream*} headers below override the endpoint option of the same name for one message.
 */
public final class SparkDreamConstants extends SparkConstants {

    public static final String HEADER_PREFIX = "CamelSparkDream";

    @Metadata(description = "Overrides option usePreLlm.", javaType = "Boolean")
    public static final String OVERRIDE_USE_PRE_LLM = "CamelSparkDreamUsePreLlm";
    @Metadata(description = "Overrides option seed (-1 or a positive integer).", javaType = "Long")
    public static final String OVERRIDE_SEED = "CamelSparkDreamSeed";
    @Metadata(description = "Overrides option scale (1-10).", javaType = "Double")
    public static final String OVERRIDE_SCALE = "CamelSparkDreamScale";
    @Metadata(description = "Overrides option width (512-2048, with height).", javaType = "Integer")
    public static final String OVERRIDE_WIDTH = "CamelSparkDreamWidth";
    @Metadata(description = "Overrides option height (512-2048, with width).", javaType = "Integer")
    public static final String OVERRIDE_HEIGHT = "CamelSparkDreamHeight";

    private SparkDreamConstants() {
    }
}
