package dev.camelspark.springboot;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.camelspark.dynaspark.DynaSparkComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees when a property is wrong (the start fails, naming the property), and the switches every Camel
 * starter has. With the starter switched off nothing else binds {@code camel.component.<scheme>.*}: Camel Spring Boot
 * leaves those of a component without a starter alone, which is why this starter exists.
 */
class StarterSwitchesAndErrorsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    static class SparkDreamRoute {
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

    @Configuration(proxyBeanMethods = false)
    static class SecondDynaSpark {
        @Bean("dynasparkEu")
        DynaSparkComponent dynasparkEu() {
            DynaSparkComponent eu = new DynaSparkComponent();
            eu.getConfiguration().setMaxRetries(1);
            return eu;
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(App.class);

    @Test
    void aReferenceToNoBeanFailsTheStartNamingTheProperty() {
        runner.withUserConfiguration(SparkDreamRoute.class)
                .withPropertyValues("camel.component.sparkdream.task-store=#noSuchStore")
                .run(spring -> assertThat(spring).getFailure().hasStackTraceContaining(
                        "camel.component.sparkdream.task-store: cannot set '#noSuchStore' on the sparkdream component: "
                        + "No bean could be found in the registry for: noSuchStore"));
    }

    @Test
    void aValueOfTheWrongTypeFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("camel.component.sparkdream.poll-interval=soon")
                .run(spring -> assertThat(spring).getFailure()
                        .hasStackTraceContaining("camel.component.sparkdream.poll-interval")
                        .hasStackTraceContaining("soon"));
    }

    @Test
    void aKeyThatCannotBeSetIsNotShown() {
        // a Camel placeholder that resolves to nothing is the one way a String option fails to bind
        runner.withUserConfiguration(SparkDreamRoute.class)
                .withPropertyValues("camel.component.sparkdream.api-key=sd-secret-{{no.such.property}}")
                .run(spring -> assertThat(spring).getFailure()
                        .hasStackTraceContaining("camel.component.sparkdream.api-key: the value cannot be set")
                        .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("sd-secret")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "camel.component.dynaspark.enabled=false",
                             "camel.component.dynaspark.customizer.enabled=false" })
    void aComponentSwitchedOffKeepsItsDefaultsAndTheOthersAreConfigured(String switchedOff) {
        runner.withPropertyValues(switchedOff,
                        "camel.component.dynaspark.max-retries=5",
                        "camel.component.sparkgpt.max-retries=5")
                .run(spring -> {
                    assertThat(maxRetries(spring, "dynaspark")).isEqualTo(2);
                    assertThat(maxRetries(spring, "sparkgpt")).isEqualTo(5);
                });
    }

    @Test
    void theCustomizersSwitchedOffLeaveEveryComponentAlone() {
        runner.withPropertyValues(
                        "camel.component.customizer.enabled=false",
                        "camel.component.dynaspark.max-retries=5")
                .run(spring -> assertThat(maxRetries(spring, "dynaspark")).isEqualTo(2));
    }

    @Test
    void anotherInstanceOfTheComponentKeepsWhatItsCodeSets() {
        runner.withUserConfiguration(SecondDynaSpark.class)
                .withPropertyValues("camel.component.dynaspark.max-retries=5")
                .run(spring -> {
                    assertThat(maxRetries(spring, "dynaspark")).isEqualTo(5);
                    assertThat(maxRetries(spring, "dynasparkEu")).isEqualTo(1);
                });
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static Object maxRetries(AssertableApplicationContext spring, String name) {
        assertThat(spring).hasNotFailed();
        CamelContext camel = spring.getBean(CamelContext.class);
        return Catalog.value(camel.getComponent(name), camel.getComponent(name), "maxRetries");
    }
}
