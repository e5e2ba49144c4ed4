package dev.camelspark.samples.springboot;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Prompt files dropped in {@code sample.inbox} become posters (Spark Dream) and taglines (DynaSpark) in
 * {@code sample.outbox}. The routes are {@code routes/posters.yaml} and {@link TaglineRoute}; every component option
 * is in {@code application.yml}.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SampleApplication.class)
                .initializers(new EmbeddedEmulator())
                .run(args);
    }
}
