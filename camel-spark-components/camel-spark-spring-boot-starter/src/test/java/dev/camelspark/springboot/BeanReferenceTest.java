package dev.camelspark.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.sparkdream.SparkDreamComponent;
import dev.camelspark.sparkdream.SparkDreamConfiguration;
import dev.camelspark.support.task.MemoryTaskStore;
import dev.camelspark.support.task.TaskStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options that are objects bind by bean reference, as in Camel Main: a {@code TaskStore} bean as sparkdream's
 * {@code taskStore}, a configuration bean as the component's {@code configuration}, the single options applied on top
 * of it. Checked where it matters, on the wire to spark-emulator and in the store.
 */
@CamelSpringBootTest
@SpringBootTest(classes = BeanReferenceTest.App.class, properties = {
        "camel.component.sparkdream.base-url=${spark.emulator.sparkdream.url}",
        "camel.component.sparkdream.api-key=sd-boot-key",
        "camel.component.sparkdream.configuration=#dreamDefaults",
        "camel.component.sparkdream.task-store=#myStore",
        "camel.component.sparkdream.width=1024",
        "camel.component.sparkdream.height=768" })
@DirtiesContext // the emulator's port is this class's: no later class may reuse the context
class BeanReferenceTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        TaskStore myStore() {
            return new MemoryTaskStore();
        }

        @Bean
        SparkDreamConfiguration dreamDefaults() {
            SparkDreamConfiguration defaults = new SparkDreamConfiguration();
            defaults.setSeed(4242L);
            defaults.setScale(3.5);
            return defaults;
        }

        @Bean
        RouteBuilder submitRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("sparkdream:submit");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camelContext;
    @Autowired
    TaskStore myStore;
    @Autowired
    SparkDreamConfiguration dreamDefaults;

    @Test
    void theTaskStoreBeanRecordsTheTasksSubmitted() {
        String taskId = template.requestBody("direct:submit", "A lighthouse in a storm, oil painting", String.class);

        assertThat(taskId).isNotBlank();
        assertThat(myStore.find("sparkdream", taskId)).isPresent();
        assertThat(component().getConfiguration().getTaskStore()).isSameAs(myStore);
    }

    @Test
    void theConfigurationBeanIsTheBaseAndTheSingleOptionsApplyOnTopOfIt() {
        template.requestBody("direct:submit", "A red fox asleep in fresh snow", String.class);

        assertThat(component().getConfiguration()).isSameAs(dreamDefaults);
        RecordedRequest create = EMULATOR.emulator().requests(Provider.SPARKDREAM).stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/model/v1/generation"))
                .findFirst().orElseThrow();
        assertThat(create.header("Authorization")).isEqualTo("Bearer sd-boot-key");
        JsonNode params = create.bodyJson().get("input").get(0).get("params");
        assertThat(params.get("seed").asLong()).isEqualTo(4242);    // from the bean
        assertThat(params.get("scale").asDouble()).isEqualTo(3.5);
        assertThat(params.get("width").asInt()).isEqualTo(1024);    // from the properties
        assertThat(params.get("height").asInt()).isEqualTo(768);
    }

    private SparkDreamComponent component() {
        return camelContext.getComponent("sparkdream", SparkDreamComponent.class);
    }
}
