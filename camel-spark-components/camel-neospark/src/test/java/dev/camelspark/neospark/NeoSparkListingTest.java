package dev.camelspark.neospark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NeoSparkListingTest extends NeoSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:models").to("neospark:models");
                from("direct:videoModels").to("neospark:video-models");
                from("direct:sessions").to("neospark:sessions?limit=2&offset=1");
                from("direct:userImages").to("neospark:user-images");
                from("direct:billing").to("neospark:billing-history?type=consume&limit=1");
                from("direct:upload").to("neospark:upload");
            }
        };
    }

    @Test
    void modelsAreTypedWithTheirResolutionsAndPrices() {
        Exchange out = send("direct:models", null);

        assertThat(out.getException()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, NeoSparkImageModel> models = out.getMessage().getBody(Map.class);
        assertThat(models).containsOnlyKeys("gemini-3-pro-image-preview", "gemini-3.1-flash-image-preview",
                "gemini-2.5-flash-image", "gpt-image-2");
        NeoSparkImageModel flash = models.get("gemini-3.1-flash-image-preview");
        assertThat(flash.provider()).isEqualTo("gemini");
        assertThat(flash.resolutions()).extracting(NeoSparkImageModel.Resolution::value)
                .containsExactly("512", "1K", "2K", "4K");
        assertThat(flash.resolutions()).extracting(NeoSparkImageModel.Resolution::price)
                .containsExactly(new BigDecimal("4"), new BigDecimal("7"), new BigDecimal("7"), new BigDecimal("13"));
        assertThat(flash.aspectRatios()).contains("1:1", "16:9", "9:16");
        assertThat(flash.imageToImage()).isTrue();
        assertThat(calls("GET", "/drawing/models/config").get(0).header("X-API-Key")).isEqualTo(KEY);
    }

    @Test
    void videoModelsComeAsTheServiceGivesThem() {
        Exchange out = send("direct:videoModels", null);

        @SuppressWarnings("unchecked")
        Map<String, Object> data = out.getMessage().getBody(Map.class);
        assertThat(data).containsKeys("models", "ratios", "resolutions", "durations");
        assertThat((List<?>) data.get("models")).hasSize(2);
        assertThat(data.get("durations")).isEqualTo(Map.of("min", 4, "max", 15, "default", 5));
    }

    @Test
    void sessionsArePagedAsConfigured() {
        for (String title : List.of("one", "two", "three")) {
            api("POST", "/drawing/sessions", "{\"title\":\"" + title + "\"}");
        }

        Exchange out = send("direct:sessions", null);

        @SuppressWarnings("unchecked")
        List<NeoSparkSession> sessions = out.getMessage().getBody(List.class);
        assertThat(sessions).extracting(NeoSparkSession::title).containsExactly("two", "one");
        assertThat(sessions.get(0).sessionId()).isNotBlank();
        assertThat(sessions.get(0).createdAt()).isNotBlank();
        RecordedRequest call = calls("GET", "/drawing/sessions").get(0);
        assertThat(call.queryParam("limit")).isEqualTo("2");
        assertThat(call.queryParam("offset")).isEqualTo("1");
    }

    @Test
    void userImagesListUploadsWithTheTotalInAHeader() {
        String uploaded = send("direct:upload", PNG).getMessage().getBody(String.class);

        Exchange out = send("direct:userImages", null);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = out.getMessage().getBody(List.class);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("id")).isEqualTo(uploaded);
            assertThat(item.get("type")).isEqualTo("upload");
        });
        assertThat(out.getMessage().getHeader(NeoSparkConstants.TOTAL)).isEqualTo(1);
    }

    @Test
    void billingHistoryListsTransactionsFilteredByType() {
        imageTaskOnTheEmulator("first");
        imageTaskOnTheEmulator("second");

        Exchange out = send("direct:billing", null);

        @SuppressWarnings("unchecked")
        List<NeoSparkTransaction> transactions = out.getMessage().getBody(List.class);
        assertThat(transactions).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("consume");
            assertThat(t.amount()).isEqualByComparingTo("-4");
            assertThat(t.balanceBefore()).isEqualByComparingTo("9996");
            assertThat(t.balanceAfter()).isEqualByComparingTo("9992");
            assertThat(t.referenceId()).startsWith("dm_");
        });
        assertThat(out.getMessage().getHeader(NeoSparkConstants.TOTAL)).isEqualTo(2);
        RecordedRequest call = calls("GET", "/drawing/billing/history").get(0);
        assertThat(call.queryParam("type")).isEqualTo("consume");
        assertThat(call.queryParam("limit")).isEqualTo("1");
    }

    @Test
    void aListingHeaderOverridesTheOptionAndIsChecked() {
        Exchange out = template.send("direct:sessions", e -> e.getMessage().setHeader(NeoSparkConstants.OVERRIDE_LIMIT, 7));
        Exchange bad = template.send("direct:sessions", e -> e.getMessage().setHeader(NeoSparkConstants.OVERRIDE_LIMIT, 500));

        assertThat(out.getException()).isNull();
        assertThat(calls("GET", "/drawing/sessions").get(0).queryParam("limit")).isEqualTo("7");
        assertThat(bad.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("limit (set by header CamelNeoSparkLimit)").hasMessageContaining("from 1 to 100");
        assertThat(calls("GET", "/drawing/sessions")).hasSize(1);
    }
}
