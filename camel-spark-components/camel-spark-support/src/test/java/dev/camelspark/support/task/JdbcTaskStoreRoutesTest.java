package dev.camelspark.support.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.testcomponent.TestTaskComponent;
import dev.camelspark.support.testing.TaskService;
import dev.camelspark.support.testing.TestPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code taskStore=jdbc} as a cluster uses it: two Camel contexts (two instances) on one real PostgreSQL database and
 * one task API over HTTP, each with a {@code tasks} consumer of the same group.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JdbcTaskStoreRoutesTest {

    private final TaskService service = new TaskService();
    private final DataSource db = TestPostgres.newDatabase();
    private final List<CamelContext> contexts = new ArrayList<>();
    /** Each handed-out task id, and how many times it was handed out, across both instances. */
    private final ConcurrentMap<String, AtomicInteger> handedOut = new ConcurrentHashMap<>();

    @AfterEach
    void tearDown() {
        contexts.forEach(CamelContext::stop);
        service.close();
    }

    private CamelContext instance(String name, boolean withDataSource) throws Exception {
        TestTaskComponent component = new TestTaskComponent();
        component.getConfiguration().setBaseUrl(service.baseUrl());
        component.getConfiguration().setApiKey("sk-test");
        component.getConfiguration().setPollInterval(20);
        component.getConfiguration().setMaxPollInterval(50);
        component.getConfiguration().setTaskStore("jdbc");
        CamelContext c = new DefaultCamelContext();
        c.getCamelContextExtension().setName(name);
        if (withDataSource) {
            c.getRegistry().bind("db", db);
        }
        c.addComponent("testtasks", component);
        c.getShutdownStrategy().setTimeout(2);
        c.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("testtasks:submit");
                from("testtasks:tasks?delay=20&initialDelay=0").process(e -> handedOut
                        .computeIfAbsent(e.getMessage().getHeader(SparkConstants.TASK_ID, String.class),
                                k -> new AtomicInteger()).incrementAndGet());
            }
        });
        contexts.add(c);
        c.start();
        return c;
    }

    @Test
    void eachTaskIsHandedOutOnceAcrossTwoInstances() throws Exception {
        CamelContext a = instance("a", true);
        CamelContext b = instance("b", true);
        assertThat(((TestTaskComponent) a.getComponent("testtasks")).taskStore(
                ((TestTaskComponent) a.getComponent("testtasks")).getConfiguration())).isInstanceOf(JdbcTaskStore.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CamelContext submitter = i % 2 == 0 ? a : b;
            ids.add(submitter.createProducerTemplate().requestBody("direct:submit", "prompt " + i, String.class));
        }
        service.completeAll();

        await().atMost(Duration.ofSeconds(60)).until(() -> handedOut.keySet().containsAll(ids));
        Thread.sleep(300); // a few more polls of both consumers: nothing is handed out twice
        assertThat(handedOut).hasSize(40).allSatisfy((id, times) -> assertThat(times.get()).as(id).isEqualTo(1));
        assertThat(service.created()).as("one paid create per submission").hasSize(40);
    }

    @Test
    void theTasksOfAnInstanceThatStopsAreFinishedByTheOther() throws Exception {
        CamelContext a = instance("a", true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(a.createProducerTemplate().requestBody("direct:submit", "prompt " + i, String.class));
        }
        a.stop(); // its poll leases are given up; its tasks stay recorded
        CamelContext b = instance("b", true);
        service.completeAll();
        await().atMost(Duration.ofSeconds(60)).until(() -> handedOut.keySet().containsAll(ids));
        assertThat(handedOut.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
        assertThat(b.getComponent("testtasks", TestTaskComponent.class).getPoller().size()).isZero();
    }

    @Test
    void jdbcWithoutADataSourceFailsWhenTheRouteStartsNamingWhatIsMissing() {
        assertThatThrownBy(() -> instance("a", false)).hasStackTraceContaining("invalid taskStore 'jdbc'")
                .hasStackTraceContaining("javax.sql.DataSource").hasStackTraceContaining("found 0");
    }
}
