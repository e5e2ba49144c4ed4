package dev.camelspark.emulator.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.SparkEmulator;

class EmbeddedEmulatorTest {

    private static CamelContext context(String port) {
        CamelContext context = new DefaultCamelContext();
        Properties props = new Properties();
        props.setProperty("spark.emulator.enabled", "true");
        props.setProperty("spark.emulator.port", port);
        context.getPropertiesComponent().setInitialProperties(props);
        return context;
    }

    @Test
    void startsOnTheConfiguredPortAndPublishesTheBaseUrls() throws Exception {
        try (CamelContext context = context("0")) {
            new EmbeddedEmulator().configure(context);
            SparkEmulator emulator = context.getRegistry().lookupByNameAndType("sparkEmulator", SparkEmulator.class);
            try {
                String url = context.resolvePropertyPlaceholders("{{spark.emulator.dynaspark.url}}");
                assertThat(url).isEqualTo(emulator.url() + "/dynaspark/api");
                assertThat(HttpAccess.get(url + "/generate_response?user_input=hi").statusCode()).isEqualTo(200);
            } finally {
                emulator.close();
            }
        }
    }

    @Test
    void aBusyPortFailsWithOneLineNamingThePropertyThatPicksAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"));
                CamelContext context = context(String.valueOf(taken.getLocalPort()))) {
            assertThatThrownBy(() -> new EmbeddedEmulator().configure(context))
                    .hasMessageContaining("port " + taken.getLocalPort()).hasMessageContaining("already in use")
                    .hasMessageContaining("spark.emulator.port").hasNoCause()
                    .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
            assertThat(context.getRegistry().lookupByName("sparkEmulator")).isNull();
        }
    }
}
