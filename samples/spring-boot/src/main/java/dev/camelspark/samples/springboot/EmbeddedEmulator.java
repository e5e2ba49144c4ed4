package dev.camelspark.samples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts spark-emulator in-process when {@code spark.emulator.enabled=true}, on {@code spark.emulator.port} (0 picks
 * a free one), and publishes its base URLs as {@code spark.emulator.<provider>.url}, which application.yml's
 * {@code base-url} settings name, so the sample runs offline with no key.
 * <p>
 * An initializer because the URLs must exist before Spring Boot binds {@code camel.component.*}; the emulator is
 * then a bean, closed after Camel stops, or at once when the application fails to start.
 */
public class EmbeddedEmulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulator.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty("spark.emulator.enabled", Boolean.class, false)) {
            return;
        }
        SparkEmulator emulator = SparkEmulator.builder()
                .port(environment.getProperty("spark.emulator.port", Integer.class, 8089))
                .build().start();
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("spark.emulator.url", emulator.url());
        for (Provider provider : emulator.providers()) {
            urls.put("spark.emulator." + provider.id() + ".url", emulator.baseUrl(provider));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("spark-emulator", urls));
        ((GenericApplicationContext) context).registerBean("sparkEmulator", SparkEmulator.class, () -> emulator,
                definition -> definition.setDestroyMethodName("close"));
        context.addApplicationListener(event -> {
            if (event instanceof ApplicationFailedEvent) {
                emulator.close();
            }
        });
        LOG.info("spark-emulator running in-process at {} (the live profile uses the real services)", emulator.url());
    }
}
