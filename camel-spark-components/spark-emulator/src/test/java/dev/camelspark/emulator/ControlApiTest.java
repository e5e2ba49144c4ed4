package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

class ControlApiTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static String control(String path) {
        return EMULATOR.emulator().url() + "/_emulator" + path;
    }

    private static String text() {
        return EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=hi&api_key=k";
    }

    @Test
    void describesBaseUrls() {
        JsonNode info = HttpAccess.json(HttpAccess.get(control("/")));
        assertThat(info.get("baseUrls").get("dynaspark").asText()).isEqualTo(EMULATOR.baseUrl(Provider.DYNASPARK));
        // as the README writes it, without the trailing slash
        HttpResponse<String> bare = HttpAccess.get(EMULATOR.emulator().url() + "/_emulator");
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(HttpAccess.json(bare).get("baseUrls").get("neospark").asText())
                .isEqualTo(EMULATOR.baseUrl(Provider.NEOSPARK));
        assertThat(HttpAccess.json(HttpAccess.get(EMULATOR.emulator().url() + "/")).get("url").asText())
                .isEqualTo(EMULATOR.emulator().url());
    }

    @Test
    void listsAndClearsRecordedRequests() {
        HttpAccess.get(text());
        JsonNode all = HttpAccess.json(HttpAccess.get(control("/requests")));
        assertThat(all).hasSize(1);
        JsonNode r = all.get(0);
        assertThat(r.get("provider").asText()).isEqualTo("dynaspark");
        assertThat(r.get("path").asText()).isEqualTo("/api/generate_response");
        assertThat(r.get("query").get("user_input").get(0).asText()).isEqualTo("hi");
        assertThat(r.get("status").asInt()).isEqualTo(200);
        assertThat(r.get("receivedAt").asText()).endsWith("Z");

        assertThat(HttpAccess.json(HttpAccess.get(control("/requests?provider=sparkgpt")))).isEmpty();
        assertThat(HttpAccess.json(HttpAccess.get(control("/requests?provider=DYNASPARK")))).hasSize(1);
        assertThat(HttpAccess.get(control("/requests?provider=nope")).statusCode()).isEqualTo(400);

        assertThat(HttpAccess.delete(control("/requests?provider=dynaspark")).statusCode()).isEqualTo(204);
        assertThat(HttpAccess.json(HttpAccess.get(control("/requests")))).isEmpty();
    }

    @Test
    void addsListsAndRemovesFaults() {
        HttpResponse<String> added = HttpAccess.post(control("/faults"), "{\"type\":\"respond\",\"provider\":\"dynaspark\","
                + "\"method\":\"GET\",\"path\":\"/api/generate_response\",\"times\":1,\"status\":503,"
                + "\"headers\":{\"Retry-After\":\"1\"},\"body\":{\"error\":\"busy\"}}");
        assertThat(added.statusCode()).isEqualTo(201);
        String id = HttpAccess.json(added).get("id").asText();

        JsonNode list = HttpAccess.json(HttpAccess.get(control("/faults")));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("remaining").asInt()).isEqualTo(1);
        assertThat(list.get(0).get("status").asInt()).isEqualTo(503);
        assertThat(list.get(0).get("path").asText()).isEqualTo("/api/generate_response");

        HttpResponse<String> faulted = HttpAccess.get(text());
        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.body()).isEqualTo("{\"error\":\"busy\"}");
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(200);

        HttpResponse<String> several = HttpAccess.post(control("/faults"),
                "[{\"type\":\"latency\",\"delayMillis\":10},{\"type\":\"cut-stream\",\"afterEvents\":2}]");
        assertThat(HttpAccess.json(several).get("ids")).hasSize(2);
        String latencyId = HttpAccess.json(several).get("ids").get(0).asText();
        assertThat(HttpAccess.delete(control("/faults/" + latencyId)).statusCode()).isEqualTo(204);
        assertThat(HttpAccess.delete(control("/faults/" + latencyId)).statusCode()).isEqualTo(404);
        assertThat(HttpAccess.delete(control("/faults")).statusCode()).isEqualTo(204);
        assertThat(EMULATOR.emulator().faults().list()).isEmpty();
    }

    @Test
    void rejectsBadFaults() {
        assertThat(HttpAccess.post(control("/faults"), "{\"type\":\"explode\"}").statusCode()).isEqualTo(400);
        assertThat(HttpAccess.post(control("/faults"), "{\"type\":\"respond\",\"status\":999}").statusCode()).isEqualTo(400);
        assertThat(HttpAccess.post(control("/faults"), "{\"type\":\"respond\",\"provider\":\"acme\"}").statusCode()).isEqualTo(400);
        assertThat(HttpAccess.post(control("/faults"), "{\"type\":\"latency\"}").statusCode()).isEqualTo(400);
        assertThat(HttpAccess.post(control("/faults"), "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void advancesTheClock() {
        long before = EMULATOR.emulator().clock().epochSecond();
        JsonNode clock = HttpAccess.json(HttpAccess.post(control("/clock/advance?seconds=86400"), ""));
        assertThat(clock.get("epochSecond").asLong()).isGreaterThanOrEqualTo(before + 86400);

        assertThat(HttpAccess.json(HttpAccess.post(control("/clock/freeze"), "")).get("frozen").asBoolean()).isTrue();
        assertThat(HttpAccess.json(HttpAccess.post(control("/clock/resume"), "")).get("frozen").asBoolean()).isFalse();
        assertThat(HttpAccess.post(control("/clock/advance"), "").statusCode()).isEqualTo(400);
    }

    @Test
    void readsAndUpdatesSettings() {
        JsonNode ds = HttpAccess.json(HttpAccess.get(control("/settings/dynaspark")));
        assertThat(ds.get("requestsPerHour").asInt()).isEqualTo(100);
        assertThat(ds.get("deniedKeys").get(0).asText()).isEqualTo("invalid-key");

        HttpResponse<String> updated = HttpAccess.put(control("/settings/dynaspark"),
                "{\"requestsPerHour\":1,\"deniedKeys\":[\"bad\"]}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(EMULATOR.emulator().dynaspark().requestsPerHour()).isEqualTo(1);
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(200);
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(429);

        assertThat(HttpAccess.put(control("/settings/dynaspark"), "{\"noSuchSetting\":1}").statusCode()).isEqualTo(400);
        assertThat(HttpAccess.put(control("/settings"), "{\"tokenDelayMillis\":0}").statusCode()).isEqualTo(200);
        assertThat(EMULATOR.emulator().settings().tokenDelay()).isZero();
        assertThat(HttpAccess.json(HttpAccess.get(control("/settings"))).get("tokenDelayMillis").asLong()).isZero();
    }

    @Test
    void refusesBadSettingsAndChangesNothing() {
        assertThat(HttpAccess.put(control("/settings/dynaspark"), "{\"requestsPerHour\":0,\"imageTtlSeconds\":5}")
                .statusCode()).isEqualTo(400);
        assertThat(EMULATOR.emulator().dynaspark().requestsPerHour()).isEqualTo(100);
        assertThat(EMULATOR.emulator().dynaspark().imageTtl().toHours()).isEqualTo(24);

        HttpResponse<String> badPlan = HttpAccess.put(control("/settings/sparkstream"), "{\"keyPlans\":{\"k\":\"gold\"}}");
        assertThat(badPlan.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(badPlan).get("error").asText()).contains("gold");
        assertThat(EMULATOR.emulator().sparkstream().keyPlans()).isEmpty();

        assertThat(HttpAccess.put(control("/settings"), "{\"stallCapSeconds\":0}").statusCode()).isEqualTo(400);
        assertThat(HttpAccess.put(control("/settings/sparkgpt"), "{\"requestsPerDay\":-1}").statusCode()).isEqualTo(400);
        assertThat(HttpAccess.get(control("/settings/acme")).statusCode()).isEqualTo(400);
    }

    @Test
    void resetRestoresDefaults() {
        EMULATOR.emulator().dynaspark().requestsPerHour(1);
        EMULATOR.emulator().faults().add(Fault.respond(500));
        HttpAccess.get(text());

        assertThat(HttpAccess.post(control("/reset"), "").statusCode()).isEqualTo(204);
        assertThat(EMULATOR.emulator().dynaspark().requestsPerHour()).isEqualTo(100);
        assertThat(EMULATOR.emulator().faults().list()).isEmpty();
        assertThat(EMULATOR.emulator().requests().all()).isEmpty();
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(200);
    }
}
