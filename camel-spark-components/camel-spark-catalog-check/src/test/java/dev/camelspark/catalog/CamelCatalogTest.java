package dev.camelspark.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our JSON in camel-catalog, the catalog Camel's own tools load (camel-maven-plugin's validate, JBang, the IDE
 * plugins): the five components are known beside Camel's, with their options, and real endpoint URIs are checked,
 * parsed and built as for any Camel component.
 */
class CamelCatalogTest {

    private static CamelCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = SparkCatalogs.camelCatalog();
    }

    @Test
    void ourComponentsAreListedBesideCamelsOwn() {
        assertThat(catalog.findComponentNames()).contains("file", "aws2-s3", "openai")
                .containsAll(DocumentedUris.SCHEMES);
        assertThat(catalog.findComponentNames("ai")).containsAll(DocumentedUris.SCHEMES);

        ComponentModel model = catalog.componentModel("neospark");
        assertThat(model.getArtifactId()).isEqualTo("camel-neospark");
        assertThat(model.getSyntax()).isEqualTo("neospark:operation");
        assertThat(model.getEndpointOptions()).extracting(ComponentModel.EndpointOptionModel::getName)
                .contains("videoModel", "duration", "maxCostPerTask", "taskStore", "apiKey");
        assertThat(model.getEndpointHeaders()).extracting(ComponentModel.EndpointHeaderModel::getName)
                .contains("CamelSparkTaskId", "CamelNeoSparkVideoModel");
        assertThat(catalog.componentModel("dynaspark").getComponentOptions())
                .filteredOn(o -> o.getName().equals("apiKey")).singleElement()
                .satisfies(o -> assertThat(o.isSecret()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dynaspark:text?temperature=0.7&topP=0.9&stream=true",
        "dynaspark:image?width=1024&height=768&model=turbo&seed=42&nologo=true",
        "dynaspark:audio?voice=nova",
        "sparkgpt:chat?modelId=7&stream=true&maxRetries=3",
        "sparkgpt:training-data?modelId=7",
        "sparkstream:chat?model=spark-pro&maxTokens=2000&temperature=0.2&systemMessage=Be+brief",
        "sparkdream:generate?width=1472&height=1104&scale=3.5&usePreLlm=true&pollTimeout=10m",
        "sparkdream:submit?taskGroup=posters&taskStore=file&taskStoreDirectory=work/tasks",
        "sparkdream:tasks?taskGroup=posters&taskStore=file&taskStoreDirectory=work/tasks",
        "neospark:image?model=gpt-image-2&quality=high&aspectRatio=16:9&numImages=2&maxCostPerTask=20",
        "neospark:video?videoModel=AiVideoMin&duration=8&ratio=9:16&videoResolution=480p&generateAudio=true",
        "neospark:billing-history?limit=50&type=consume",
        "neospark:tasks?taskGroup=clips",
        "dynaspark:image?apiKey=RAW(sk-ab+c/=)&download=false",
    })
    void realUrisAreValid(String uri) {
        EndpointValidationResult result = catalog.validateEndpointProperties(uri);
        assertThat(result.isSuccess()).as(uri + ": " + result.summaryErrorMessage(false, false, true)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dynaspark:audio?voice=robot                      | voice            | alloy",
        "sparkstream:chat?model=gpt-4                     | model            | spark-turbo",
        "neospark:image?aspectRatio=5:4                   | aspectRatio      | 21:9",
        "neospark:image?resolution=8K                     | resolution       | 4K",
        "neospark:video?videoResolution=1080p             | videoResolution  | 720p",
        "neospark:video?videoModel=AiVideoMega            | videoModel       | AiVideoMin",
        "neospark:render                                  | operation        | video-submit",
        "sparkgpt:train?modelId=1                         | operation        | training-data",
        "sparkdream:generate?taskStore=disk               | taskStore        | file",
    })
    void aValueOutsideAClosedSetIsRejectedWithWhatIsAllowed(String uri, String option, String allowed) {
        EndpointValidationResult result = catalog.validateEndpointProperties(uri);
        assertThat(result.isSuccess()).as(uri).isFalse();
        assertThat(result.getInvalidEnum()).as(uri).containsKey(option);
        assertThat(result.getInvalidEnumChoices().get(option)).as(uri).contains(allowed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dynaspark:image?widht=1024                    | widht",
        "sparkstream:chat?maxTokens=lots               | maxTokens",
        "neospark:video?duration=8s                    | duration",
        "neospark:image?optimizePrompt=perhaps         | optimizePrompt",
        "sparkdream:submit?maxCostPerTask=cheap        | maxCostPerTask",
    })
    void unknownOptionsAndValuesOfTheWrongTypeAreRejected(String uri, String option) {
        EndpointValidationResult result = catalog.validateEndpointProperties(uri);
        assertThat(result.isSuccess()).as(uri).isFalse();
        assertThat(result.summaryErrorMessage(false, false, true)).as(uri).contains(option);
    }

    @Test
    void aDurationThatIsNoneIsRejected() {
        // Camel's summary leaves invalid durations out: they are in their own map
        EndpointValidationResult result = catalog.validateEndpointProperties("sparkdream:generate?pollTimeout=soon");
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidDuration()).containsEntry("pollTimeout", "soon");
        assertThat(catalog.validateEndpointProperties("sparkdream:generate?pollTimeout=5m").isSuccess()).isTrue();
    }

    @Test
    void urisAreParsedAndBuiltFromOptions() throws Exception {
        Map<String, String> parsed = catalog.endpointProperties("neospark:video?duration=8&ratio=9:16");
        assertThat(parsed).containsEntry("operation", "video").containsEntry("duration", "8")
                .containsEntry("ratio", "9:16");

        Map<String, String> options = new LinkedHashMap<>();
        options.put("operation", "image");
        options.put("width", "1024");
        options.put("height", "768");
        String uri = catalog.asEndpointUri("dynaspark", options, false);
        assertThat(uri).isEqualTo("dynaspark:image?height=768&width=1024");
        assertThat(catalog.validateEndpointProperties(uri).isSuccess()).isTrue();

        // a key is written as RAW(...), because the catalog knows it is secret: its + and / stay as they are
        assertThat(catalog.asEndpointUri("sparkdream", Map.of("operation", "generate", "apiKey", "sk-a+b/c"), false))
                .isEqualTo("sparkdream:generate?apiKey=RAW(sk-a+b/c)");
        assertThat(catalog.endpointProperties("sparkdream:generate?apiKey=RAW(sk-a+b/c)"))
                .containsEntry("apiKey", "RAW(sk-a+b/c)");
    }
}
