package dev.camelspark.support.observe;

/** The components whose producer spans the span decorators describe: the scheme and the component class of each. */
enum TracedComponent {

    DYNASPARK("dynaspark", "dev.camelspark.dynaspark.DynaSparkComponent"),
    SPARKGPT("sparkgpt", "dev.camelspark.sparkgpt.SparkGptComponent"),
    SPARKSTREAM("sparkstream", "dev.camelspark.sparkstream.SparkStreamComponent"),
    SPARKDREAM("sparkdream", "dev.camelspark.sparkdream.SparkDreamComponent"),
    NEOSPARK("neospark", "dev.camelspark.neospark.NeoSparkComponent");

    final String scheme;
    final String componentClass;

    TracedComponent(String scheme, String componentClass) {
        this.scheme = scheme;
        this.componentClass = componentClass;
    }
}
