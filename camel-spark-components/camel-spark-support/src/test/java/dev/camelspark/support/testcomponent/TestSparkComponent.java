package dev.camelspark.support.testcomponent;

import dev.camelspark.support.SparkComponentSupport;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkProvider;

/** A component built on the support classes the way the five are, registered by tests with addComponent. */
public class TestSparkComponent extends SparkComponentSupport {

    static final SparkProvider PROVIDER = SparkProvider.of("testspark").apiKeyVariable("TESTSPARK_API_KEY")
            .headerPrefix("CamelTestSpark").build();

    private TestSparkConfiguration configuration = new TestSparkConfiguration();
    private String apiKeyVariable = "TESTSPARK_API_KEY";

    @Override
    public TestSparkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TestSparkConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public SparkProvider provider() {
        return PROVIDER;
    }

    @Override
    protected String apiKeyEnvironmentVariable() {
        return apiKeyVariable;
    }

    /** Tests point the fallback at a variable every environment has. */
    public void setApiKeyVariable(String apiKeyVariable) {
        this.apiKeyVariable = apiKeyVariable;
    }

    @Override
    protected SparkEndpointSupport createSparkEndpoint(String uri, String remaining, SparkConfiguration configuration) {
        return new TestSparkEndpoint(uri, this, remaining, (TestSparkConfiguration) configuration);
    }
}
