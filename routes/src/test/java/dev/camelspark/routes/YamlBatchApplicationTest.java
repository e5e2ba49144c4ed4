package dev.camelspark.routes;

import java.nio.file.Path;

import org.apache.camel.test.main.junit5.CamelMainTest;

/** The YAML routes (the default). */
@CamelMainTest(properties = { "spark.emulator.port=0", "spark.batch.read-lock-min-age=1", "spark.batch.max-in-flight=3", "spark.batch.dsl=yaml" })
class YamlBatchApplicationTest extends BatchApplicationTestSupport {

    static final Path DIR = newDir("yaml");

    @Override
    Path dir() {
        return DIR;
    }
}
