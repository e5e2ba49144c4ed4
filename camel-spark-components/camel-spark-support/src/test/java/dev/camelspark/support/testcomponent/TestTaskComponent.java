package dev.camelspark.support.testcomponent;

import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkProvider;
import dev.camelspark.support.task.SparkTaskComponentSupport;

/** A task component built on the support classes the way Spark Dream and NeoSpark are; talks to a TaskService. */
public class TestTaskComponent extends SparkTaskComponentSupport {

    static final SparkProvider PROVIDER = SparkProvider.of("testtasks").apiKeyVariable("TESTTASKS_API_KEY")
            .headerPrefix("CamelTestTasks").generations("generate").tasks("generate").build();

    private TestTaskConfiguration configuration = new TestTaskConfiguration();

    @Override
    public TestTaskConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TestTaskConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public SparkProvider provider() {
        return PROVIDER;
    }

    @Override
    protected SparkEndpointSupport createSparkEndpoint(String uri, String remaining, SparkConfiguration configuration) {
        return new TestTaskEndpoint(uri, this, remaining, (TestTaskConfiguration) configuration);
    }
}
