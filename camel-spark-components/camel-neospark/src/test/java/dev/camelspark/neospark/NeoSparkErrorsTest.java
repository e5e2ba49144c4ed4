package dev.camelspark.neospark;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkInsufficientCreditsException;
import dev.camelspark.support.error.SparkServerException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The envelope on errors: the HTTP status first, then the envelope's code, each mapped to the shared exceptions. */
class NeoSparkErrorsTest extends NeoSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:models").to("neospark:models");
                from("direct:badKey").to("neospark:models?apiKey=RAW(np_revoked)");
                from("direct:noRetry").to("neospark:models?maxRetries=0");
            }
        };
    }

    @Test
    void aRefusedKeyIs401AndAnAuthFailure() {
        emulator().neospark().deniedKeys(java.util.Set.of("np_revoked"));

        Exchange out = send("direct:badKey", null);

        assertThat(out.getException()).isInstanceOf(SparkAuthenticationException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Invalid or expired API Key");
        assertThat(category(out)).isEqualTo("AUTH");
        assertThat(out.getException().getMessage()).doesNotContain("np_revoked");
    }

    @Test
    void anErrorCodeInsideAnHttp200EnvelopeFailsLikeThatStatus() {
        emulator().faults().add(Fault.respond(200, "{\"code\":402,\"message\":\"Insufficient credits. Available: 5, "
                + "Required: 13\",\"data\":null}").on(Provider.NEOSPARK).times(1));

        Exchange out = send("direct:models", null);

        assertThat(out.getException()).isInstanceOf(SparkInsufficientCreditsException.class)
                .hasMessageContaining("Insufficient credits. Available: 5, Required: 13");
        assertThat(((SparkApiException) out.getException()).getHttpStatus()).isEqualTo(402);
    }

    @Test
    void a502IsAServerErrorRetriedForReads() {
        emulator().faults().add(Fault.respond(502, "{\"code\":502,\"message\":\"External service error\",\"data\":null}")
                .on(Provider.NEOSPARK).times(1));

        Exchange retried = send("direct:models", null);
        emulator().faults().add(Fault.respond(502, "{\"code\":502,\"message\":\"External service error\",\"data\":null}")
                .on(Provider.NEOSPARK).times(1));
        Exchange failed = send("direct:noRetry", null);

        assertThat(retried.getException()).isNull();
        assertThat(retried.getMessage().getHeader("CamelSparkAttempts")).isEqualTo(2);
        assertThat(failed.getException()).isInstanceOf(SparkServerException.class)
                .hasMessageContaining("External service error");
        assertThat(category(failed)).isEqualTo("SERVER_ERROR");
    }

    @Test
    void anAnswerThatIsNotAnEnvelopeFailsWithWhatItSaid() {
        emulator().faults().add(Fault.respond(200, "<html>maintenance</html>").on(Provider.NEOSPARK).times(1));

        Exchange out = send("direct:models", null);

        assertThat(out.getException()).isInstanceOf(SparkApiException.class)
                .hasMessageContaining("envelope").hasMessageContaining("maintenance");
    }
}
