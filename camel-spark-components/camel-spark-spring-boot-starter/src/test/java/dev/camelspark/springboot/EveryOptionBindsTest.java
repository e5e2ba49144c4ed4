package dev.camelspark.springboot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option of every component, as its catalog lists it, set from Spring Boot properties to a value that is not
 * its default, ends on the component; and a component keeps its own default for every option not set. The
 * application is auto-configured as a user's is (the starter's AutoConfiguration.imports, Camel Spring Boot).
 */
class EveryOptionBindsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        @Bean
        SSLContextParameters testSsl() {
            return new SSLContextParameters();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(App.class);

    /** A property value that differs from the option's default, and what Camel then reads from the component. */
    private record Setting(String property, String value, Object expected) {
    }

    @Test
    void everyOptionSetInSpringReachesItsComponent() {
        Map<Catalog.Option, Setting> settings = new LinkedHashMap<>();
        for (String scheme : Catalog.SCHEMES) {
            for (Catalog.Option option : Catalog.options(scheme)) {
                if (!option.name().equals("configuration")) { // replaces them all: BeanReferenceTest
                    settings.put(option, nonDefault(option));
                }
            }
        }
        assertThat(settings).hasSizeGreaterThan(5 * 15);
        List<String> properties = new ArrayList<>();
        settings.values().forEach(s -> properties.add(s.property() + "=" + s.value()));

        runner.withPropertyValues(properties.toArray(String[]::new)).run(spring -> {
            assertThat(spring).hasNotFailed();
            CamelContext camel = spring.getBean(CamelContext.class);
            SSLContextParameters ssl = spring.getBean("testSsl", SSLContextParameters.class);
            SoftAssertions softly = new SoftAssertions();
            settings.forEach((option, setting) -> {
                Component component = camel.getComponent(option.scheme());
                Object actual = Catalog.value(component, component, option.name());
                Object expected = "#testSsl".equals(setting.value()) ? ssl : setting.expected();
                if (expected instanceof String text) {
                    softly.assertThat(String.valueOf(actual)).as(setting.property()).isEqualTo(text);
                } else {
                    softly.assertThat(actual).as(setting.property()).isSameAs(expected);
                }
            });
            softly.assertAll();
        });
    }

    @Test
    void optionsNotSetKeepTheComponentsOwnDefaults() {
        List<String> properties = new ArrayList<>();
        Catalog.SCHEMES.forEach(scheme -> properties.add("camel.component." + scheme + ".max-retries=5"));

        runner.withPropertyValues(properties.toArray(String[]::new)).run(spring -> {
            assertThat(spring).hasNotFailed();
            CamelContext camel = spring.getBean(CamelContext.class);
            SoftAssertions softly = new SoftAssertions();
            for (String scheme : Catalog.SCHEMES) {
                Component component = camel.getComponent(scheme);
                Component fresh = Catalog.componentClass(scheme).getDeclaredConstructor().newInstance();
                for (Catalog.Option option : Catalog.options(scheme)) {
                    Object actual = Catalog.value(component, component, option.name());
                    if (option.name().equals("maxRetries")) {
                        softly.assertThat(actual).as(option.property()).isEqualTo(5);
                    } else if (!option.name().equals("configuration")) {
                        softly.assertThat(actual).as(option.property())
                                .isEqualTo(Catalog.value(component, fresh, option.name()));
                    }
                }
            }
            softly.assertAll();
        });
    }

    /** Values as a user writes them: durations in Spring Boot's syntax, bean references as #name. */
    private static Setting nonDefault(Catalog.Option o) {
        String property = o.property();
        String def = o.defaultValue();
        switch (o.type()) {
            case "string":
                return new Setting(property, "x-" + o.name(), "x-" + o.name());
            case "enum": {
                String value = o.allowed().stream().filter(v -> !v.equals(def)).findFirst().orElseThrow();
                return new Setting(property, value, value);
            }
            case "boolean": {
                String value = String.valueOf(!"true".equals(def));
                return new Setting(property, value, value);
            }
            case "integer": {
                String value = String.valueOf((def == null ? 0 : Long.parseLong(def)) + 7);
                return new Setting(property, value, value);
            }
            case "number": {
                String value = String.valueOf((def == null ? 0 : Double.parseDouble(def)) + 0.5);
                return new Setting(property, value, value);
            }
            case "duration": {
                long millis = def == null ? 0 : Long.parseLong(def);
                return new Setting(property, (millis / 1000 + 7) + "s", String.valueOf(millis / 1000 * 1000 + 7000));
            }
            case "object":
                if (o.javaType().startsWith("java.util.Map")) {
                    // a multi-value option; [key] keeps the key as written (Spring drops '_' from a bare map key)
                    return new Setting(property + "[x_key]", "x-" + o.name(), "{x_key=x-" + o.name() + "}");
                }
                if (o.javaType().equals(BigDecimal.class.getName())) {
                    return new Setting(property, "12.5", "12.5");
                }
                if (o.name().equals("taskStore")) {
                    return new Setting(property, "file", "file");
                }
                if (o.javaType().equals(SSLContextParameters.class.getName())) {
                    return new Setting(property, "#testSsl", null);
                }
                throw new IllegalStateException("no test value for " + property + " (" + o.javaType() + ")");
            default:
                throw new IllegalStateException("no test value for " + property + " of type " + o.type());
        }
    }
}
