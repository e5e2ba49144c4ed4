package dev.camelspark.routes;

import java.nio.file.Path;

import org.apache.camel.test.main.junit5.CamelMainTest;

/** The XML copy of the routes. */
@CamelMainTest(properties = { "spark.emulator.port=0", "spark.batch.read-lock-min-age=1", "spark.batch.max-in-flight=3", "spark.batch.dsl=xml" })
class XmlBatchApplicationTest extends BatchApplicationTestSupport {

    static final Path DIR = newDir("xml");

    @Override
    Path dir() {
        return DIR;
    }
}
