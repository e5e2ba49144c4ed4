package dev.camelspark.support;

import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.testcomponent.TestSparkConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-message overrides: a listed header wins, converted and checked; nothing else can steer the call. */
class SparkHeaderOverridesTest {

    private static final SparkHeaderOverrides OVERRIDES =
            SparkHeaderOverrides.of("testspark", "CamelTestSpark", "temperature", "maxTokens", "system");

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final TestSparkConfiguration endpoint = new TestSparkConfiguration();
    private Exchange exchange;

    @BeforeEach
    void setUp() {
        context.getPropertiesComponent().addInitialProperty("secret.value", "from-properties");
        context.getRegistry().bind("injected", "from-registry");
        context.start();
        exchange = new DefaultExchange(context);
        endpoint.setBaseUrl("http://api.example");
        endpoint.setApiKey("sk-endpoint");
        endpoint.setTemperature(0.2);
        endpoint.setMaxTokens(100);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    private TestSparkConfiguration resolve() {
        return OVERRIDES.resolve(exchange, endpoint, c -> c.validate("testspark"));
    }

    @Test
    void headerNamesArePrefixPlusTheCapitalisedOption() {
        assertThat(SparkHeaderOverrides.headerName("CamelDynaSpark", "topP")).isEqualTo("CamelDynaSparkTopP");
        assertThat(OVERRIDES.optionByHeader()).containsExactly(
                java.util.Map.entry("CamelTestSparkTemperature", "temperature"),
                java.util.Map.entry("CamelTestSparkMaxTokens", "maxTokens"),
                java.util.Map.entry("CamelTestSparkSystem", "system"));
    }

    @Test
    void aHeaderOfTheComponentsPrefixIsSeenInAnyCaseAndOthersAreNot() {
        assertThat(OVERRIDES.anyOn(exchange.getMessage())).as("no headers at all").isFalse();
        exchange.getMessage().setHeader("Unrelated", "x");
        exchange.getMessage().setHeader("CamelTestSparX", "x");
        assertThat(OVERRIDES.anyOn(exchange.getMessage())).isFalse();
        exchange.getMessage().setHeader("cameltestsparkTEMPERATURE", 0.5);
        assertThat(OVERRIDES.anyOn(exchange.getMessage())).isTrue();
        assertThat(resolve().getTemperature()).as("and it applies, in that case too").isEqualTo(0.5);
        exchange.getMessage().removeHeader("cameltestsparkTEMPERATURE");
        exchange.getMessage().setHeader("CamelTestSparkCost", 1); // a result header of an earlier call: looked at
        assertThat(OVERRIDES.anyOn(exchange.getMessage())).isTrue();
        assertThat(resolve()).isSameAs(endpoint);
    }

    @Test
    void withoutOverrideHeadersTheEndpointConfigurationIsUsedAsIs() {
        exchange.getMessage().setHeader("Unrelated", "x");
        assertThat(resolve()).isSameAs(endpoint);
    }

    @Test
    void aHeaderWinsOverTheEndpointValueOnACopy() {
        exchange.getMessage().setHeader("CamelTestSparkTemperature", 1.3);
        exchange.getMessage().setHeader("CamelTestSparkSystem", "be brief");
        TestSparkConfiguration effective = resolve();
        assertThat(effective).isNotSameAs(endpoint);
        assertThat(effective.getTemperature()).isEqualTo(1.3);
        assertThat(effective.getSystem()).isEqualTo("be brief");
        assertThat(effective.getMaxTokens()).as("options without a header keep the endpoint's value").isEqualTo(100);
        assertThat(effective.getApiKey()).isEqualTo("sk-endpoint");
        assertThat(endpoint.getTemperature()).as("the endpoint is untouched").isEqualTo(0.2);
        assertThat(endpoint.getSystem()).isNull();
    }

    @Test
    void headerValuesAreConvertedToTheOptionsType() {
        exchange.getMessage().setHeader("CamelTestSparkTemperature", "0.7");
        exchange.getMessage().setHeader("CamelTestSparkMaxTokens", "512");
        TestSparkConfiguration effective = resolve();
        assertThat(effective.getTemperature()).isEqualTo(0.7);
        assertThat(effective.getMaxTokens()).isEqualTo(512);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheHeader() {
        exchange.getMessage().setHeader("CamelTestSparkMaxTokens", "lots");
        assertThatThrownBy(this::resolve).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("maxTokens (set by header CamelTestSparkMaxTokens)")
                .hasMessageContaining("'lots'");
        assertThat(endpoint.getMaxTokens()).isEqualTo(100);
    }

    @Test
    void aValueOfTheWrongTypeSaysWhichTypeIsAllowed() {
        exchange.getMessage().setHeader("CamelTestSparkMaxTokens", "lots");
        assertThatThrownBy(this::resolve).hasMessage(
                "testspark: invalid maxTokens (set by header CamelTestSparkMaxTokens) 'lots': allowed an integer");
        exchange.getMessage().setHeader("CamelTestSparkMaxTokens", null);
        exchange.getMessage().setHeader("CamelTestSparkTemperature", "warm");
        assertThatThrownBy(this::resolve).hasMessage(
                "testspark: invalid temperature (set by header CamelTestSparkTemperature) 'warm': allowed a number");
        exchange.getMessage().setHeader("CamelTestSparkTemperature", 2.5e300);
        assertThatThrownBy(this::resolve).hasMessageContaining("allowed from 0 to 2");
    }

    @Test
    void typesAreNamedAsAUserWritesThem() {
        assertThat(SparkHeaderOverrides.describeType(int.class)).isEqualTo("an integer");
        assertThat(SparkHeaderOverrides.describeType(Long.class)).isEqualTo("an integer");
        assertThat(SparkHeaderOverrides.describeType(Double.class)).isEqualTo("a number");
        assertThat(SparkHeaderOverrides.describeType(boolean.class)).isEqualTo("true or false");
        assertThat(SparkHeaderOverrides.describeType(String.class)).isEqualTo("a text");
        assertThat(SparkHeaderOverrides.describeType(java.time.Duration.class)).isEqualTo("a duration (500ms, 10s, 2m)");
        assertThat(SparkHeaderOverrides.describeType(java.util.concurrent.TimeUnit.class))
                .isEqualTo("one of NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS");
    }

    @Test
    void aValueOutOfRangeNamesTheHeaderTheValueAndTheRange() {
        exchange.getMessage().setHeader("CamelTestSparkTemperature", "5");
        assertThatThrownBy(this::resolve).isInstanceOf(SparkValidationException.class)
                .hasMessage("testspark: invalid temperature (set by header CamelTestSparkTemperature) '5.0': allowed from 0 to 2")
                .satisfies(e -> assertThat(((SparkValidationException) e).getValue()).isEqualTo(5.0));
    }

    @Test
    void aRefusalOfAnOptionNoHeaderSetIsReportedAsIs() {
        endpoint.setMaxTokens(0); // bad on the endpoint itself
        exchange.getMessage().setHeader("CamelTestSparkTemperature", "1");
        assertThatThrownBy(this::resolve).isInstanceOf(SparkValidationException.class)
                .hasMessage("testspark: invalid maxTokens '0': allowed from 1 to 4096");
    }

    @Test
    void unlistedHeadersCannotSteerTheCall() {
        exchange.getMessage().setHeader("CamelTestSparkApiKey", "sk-attacker");
        exchange.getMessage().setHeader("CamelTestSparkBaseUrl", "http://attacker.example");
        exchange.getMessage().setHeader("CamelTestSparkMaxRetries", "10");
        exchange.getMessage().setHeader("CamelTestSparkAllowedDownloadHosts", "169.254.169.254");
        exchange.getMessage().setHeader("temperature", "1.9");
        TestSparkConfiguration effective = resolve();
        assertThat(effective).isSameAs(endpoint);
        assertThat(effective.getApiKey()).isEqualTo("sk-endpoint");
        assertThat(effective.getBaseUrl()).isEqualTo("http://api.example");
        assertThat(effective.getTemperature()).isEqualTo(0.2);
    }

    @Test
    void headerValuesAreTakenLiterallyNeverResolvedAsPlaceholdersOrReferences() {
        // headers may come from outside (an HTTP request): they must not read properties, the environment or beans
        exchange.getMessage().setHeader("CamelTestSparkSystem", "{{secret.value}}");
        assertThat(resolve().getSystem()).isEqualTo("{{secret.value}}");
        exchange.getMessage().setHeader("CamelTestSparkSystem", "{{env:PATH}}");
        assertThat(resolve().getSystem()).isEqualTo("{{env:PATH}}");
        exchange.getMessage().setHeader("CamelTestSparkSystem", "#bean:injected");
        assertThat(resolve().getSystem()).isEqualTo("#bean:injected");
        exchange.getMessage().setHeader("CamelTestSparkSystem", "#class:java.lang.StringBuilder");
        assertThat(resolve().getSystem()).isEqualTo("#class:java.lang.StringBuilder");
    }
}
