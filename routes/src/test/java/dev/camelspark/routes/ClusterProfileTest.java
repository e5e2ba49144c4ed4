package dev.camelspark.routes;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster profile refuses to start, saying why, when its database cannot be reached; the password stays unsaid. */
class ClusterProfileTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();
    private static final String PASSWORD = "cluster-secret-never-logged";

    @TempDir
    Path dir;

    @Test
    void anUnreachableDatabaseStopsTheStartWithAClearMessage() {
        Map<String, String> environment = new HashMap<>(BatchProcess.EMULATOR_KEYS);
        environment.put(ClusterSettings.PASSWORD_VARIABLE, PASSWORD);
        assertThatThrownBy(() -> BatchProcess.start(dir, EMULATOR.emulator(), Map.of("camel.main.profile", "cluster",
                "spark.cluster.jdbc-url", "jdbc:postgresql://127.0.0.1:1/spark?password=" + PASSWORD,
                "spark.cluster.user", "spark"), environment))
                .hasMessageContaining("the application did not start")
                .hasMessageContaining("cluster profile: cannot reach the database at jdbc:postgresql://127.0.0.1:1/spark?...")
                .hasMessageContaining("as user 'spark'").hasMessageContaining("SPARK_CLUSTER_PASSWORD")
                .hasMessageNotContaining(PASSWORD);
    }
}
