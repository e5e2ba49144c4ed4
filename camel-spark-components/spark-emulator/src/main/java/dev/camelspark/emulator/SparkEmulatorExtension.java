package dev.camelspark.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension: one emulator on a free port for the test class, reset before each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();
 *
 * @Test void test() {
 *     EMULATOR.stub(Stub.on(Provider.DYNASPARK, "text").prompt(Match.contains("camel")).replyText("Humps."));
 *     ... // run the route
 *     EMULATOR.verify(1, RequestPattern.on(Provider.DYNASPARK).operation("text").query("model", Match.absent()));
 * }
 * }</pre>
 *
 * While it runs, the system properties {@value #URL_PROPERTY} (the emulator's root URL) and
 * {@code spark.emulator.<provider>.url} (each provider's base URL; provider in lower case: dynaspark, sparkgpt,
 * sparkstream, sparkdream, neospark) are set, so that YAML or XML routes can say
 * {@code baseUrl: "{{spark.emulator.dynaspark.url}}"}. They are cleared (or restored) afterwards. Test methods may
 * also take a {@link SparkEmulator} parameter.
 *
 * <p>Registered on a static field it lives for the class; on an instance field, for each test.
 */
public class SparkEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    public static final String URL_PROPERTY = "spark.emulator.url";

    private final SparkEmulator.Builder builder;
    private SparkEmulator emulator;
    private boolean perTest;
    private boolean resetForThisTest;
    private final Map<String, String> previousProperties = new LinkedHashMap<>();

    public SparkEmulatorExtension() {
        this(SparkEmulator.builder());
    }

    /** With a customised emulator, e.g. {@code SparkEmulator.builder().tokenDelay(Duration.ZERO)}. */
    public SparkEmulatorExtension(SparkEmulator.Builder builder) {
        this.builder = builder;
    }

    /** The system property holding a provider's base URL, e.g. {@code spark.emulator.dynaspark.url}. */
    public static String urlProperty(Provider provider) {
        return "spark.emulator." + provider.id() + ".url";
    }

    /** The running emulator. */
    public SparkEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The emulator is not running: register the extension with "
                    + "@RegisterExtension on a static field");
        }
        return emulator;
    }

    /** Shortcut for {@code emulator().baseUrl(provider)}. */
    public String baseUrl(Provider provider) {
        return emulator().baseUrl(provider);
    }

    /** Adds a stub for this test (the reset before the next one removes it); returns its id. */
    public String stub(Stub stub) {
        return emulator().stubs().add(stub);
    }

    /** The recorded requests a pattern matches, oldest first. */
    public List<RecordedRequest> find(RequestPattern pattern) {
        return emulator().requests().find(pattern);
    }

    /** Fails the test unless at least one recorded request matches, listing what was received instead. */
    public void verify(RequestPattern pattern) {
        List<RecordedRequest> found = find(pattern);
        if (found.isEmpty()) {
            throw new AssertionError("Expected a request matching " + pattern + ", but none was received"
                    + received(pattern));
        }
    }

    /** Fails the test unless exactly {@code count} recorded requests match. */
    public void verify(int count, RequestPattern pattern) {
        List<RecordedRequest> found = find(pattern);
        if (found.size() != count) {
            throw new AssertionError("Expected " + count + " request(s) matching " + pattern + ", but "
                    + found.size() + " matched" + received(pattern));
        }
    }

    /** What the emulator did receive, for the pattern's provider when it names one (keys redacted). */
    private String received(RequestPattern pattern) {
        List<RecordedRequest> all = pattern.provider() == null ? emulator().requests().all()
                : emulator().requests(pattern.provider());
        if (all.isEmpty()) {
            return "; no request" + (pattern.provider() == null ? "" : " to " + pattern.provider().id())
                    + " was received at all";
        }
        StringBuilder sb = new StringBuilder("; received:");
        all.stream().skip(Math.max(0, all.size() - 20)).forEach(r -> sb.append("\n  ").append(r)
                .append(r.operation() == null ? "" : " [" + r.operation() + "]")
                .append(r.prompt() == null ? "" : " prompt '" + abbreviate(r.prompt()) + "'"));
        return sb.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startEmulator();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopEmulator();
    }

    /**
     * Resets as the test instance is created, i.e. before any extension's beforeEach: a class-level extension such as
     * Camel's {@code @CamelMainTest} starts its routes in its own beforeEach, which runs before ours, and a reset
     * there would wipe what those routes had already sent.
     */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (emulator != null) {
            emulator.reset();
            resetForThisTest = true;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            perTest = true;
            startEmulator();
        } else if (!resetForThisTest) {
            // one test instance for the whole class (PER_CLASS lifecycle): reset here instead
            emulator.reset();
        }
        resetForThisTest = false;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stopEmulator();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SparkEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return emulator();
    }

    private void startEmulator() {
        emulator = builder.build().start();
        setProperty(URL_PROPERTY, emulator.url());
        for (Provider p : Provider.values()) {
            setProperty(urlProperty(p), emulator.baseUrl(p));
        }
    }

    private void stopEmulator() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        previousProperties.forEach((name, previous) -> {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        });
        previousProperties.clear();
    }

    private void setProperty(String name, String value) {
        previousProperties.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
