package dev.camelspark.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel tooling says of the URIs we tell people to write: both of Camel's catalogs ({@link SparkCatalogs}),
 * camel-catalog with our JSON added and the runtime catalog reading it from the jars, must accept them.
 */
class DocumentedUrisTest {

    private static CamelContext context;
    private static Map<String, Function<String, EndpointValidationResult>> catalogs;

    @BeforeAll
    static void loadCatalog() {
        context = new DefaultCamelContext();
        catalogs = SparkCatalogs.validators(context);
    }

    @AfterAll
    static void close() throws Exception {
        context.close();
    }

    private static String problems(String uri) {
        return SparkCatalogs.problems(catalogs, uri);
    }

    @Test
    void everyDocumentedUriIsValid() {
        List<DocumentedUris.Found> found = DocumentedUris.scan(DocumentedUris.repositoryRoot());

        // the scan finds what it should: the main README's YAML example with its parameters, and every scheme
        assertThat(found).extracting(DocumentedUris.Found::uri).contains("dynaspark:image?width=1024&height=768");
        assertThat(found).extracting(f -> f.uri().substring(0, f.uri().indexOf(':')))
                .containsAll(DocumentedUris.SCHEMES);
        assertThat(found).hasSizeGreaterThan(100);
        // the component docs are scanned, their YAML and XML examples too
        assertThat(found).filteredOn(f -> f.file().toString().endsWith("sparkdream-component.adoc"))
                .extracting(DocumentedUris.Found::uri)
                .contains("sparkdream:tasks?taskGroup=posters",
                        "sparkdream:generate?width=1472&height=1104&taskStore=file&taskStoreDirectory=work/tasks");
        assertThat(found).extracting(f -> f.file().getFileName().toString()).contains(
                DocumentedUris.SCHEMES.stream().map(s -> s + "-component.adoc").toArray(String[]::new));

        String invalid = found.stream().filter(f -> problems(f.uri()) != null)
                .map(f -> f + "\n    " + problems(f.uri()).replace("\n", "\n    "))
                .collect(Collectors.joining("\n"));
        assertThat(invalid).as("URIs a catalog rejects").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sparkdream:generate?taskStore=file&taskStoreDirectory=work/tasks",
        "neospark:video?taskStore=memory",
        "sparkdream:submit?taskStore=#myStore",
        "sparkdream:submit?taskStore=#bean:myStore",
        "neospark:image?maxCostPerTask=20",
        "neospark:video?maxCostPerTask=12.5&pollTimeout=30m",
        "sparkgpt:chat",
        "sparkgpt:chat?modelId=5&stream=true",
        "sparkgpt:training-data?modelId={{model.id}}",
        "dynaspark:image?width=1024&height=768&apiKey=RAW(sk-abc+/=)",
        "sparkstream:chat?model=spark-1&stream=true",
        "sparkdream:tasks?taskGroup=posters&taskStore=file&taskStoreDirectory=/var/tasks",
    })
    void theOptionsTheReadmesDocumentAreValid(String uri) {
        assertThat(problems(uri)).as(uri).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sparkdream:generate?taskStore=disk          | taskStore",
        "neospark:video?maxCostPerTask=twenty        | maxCostPerTask",
        "dynaspark:image?widht=1024                  | widht",
        "dynaspark:paint                             | operation",
        "sparkgpt:chat?modelId=five                  | modelId",
        "sparkstream:chat?stream=maybe               | stream",
        "neospark:video?maxRetries=many              | maxRetries",
        "sparkdream:generate?width=wide              | width",
    })
    void badUrisAreRejectedNamingTheOption(String uri, String option) {
        // both catalogs reject it, each naming the option
        Map<String, String> rejections = SparkCatalogs.rejections(catalogs, uri);
        assertThat(rejections).as(uri).containsOnlyKeys(catalogs.keySet());
        rejections.forEach((catalog, summary) -> assertThat(summary).as(catalog + ": " + uri).contains(option));
    }
}
