package dev.camelspark.dynaspark;

import java.util.List;

import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.SparkMediaConfiguration;
import dev.camelspark.support.SparkOperationOptions;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the {@code dynaspark:} component: every parameter of the DynaSpark API, plus the shared ones. */
@Configurer
@UriParams
public class DynaSparkConfiguration extends SparkMediaConfiguration {

    public static final String DEFAULT_BASE_URL = "https://dynaspark.onrender.com/api";
    public static final List<String> VOICES = List.of("alloy", "echo", "fable", "onyx", "nova", "shimmer");
    public static final List<String> IMAGE_MODELS = List.of("flux", "turbo", "gptimage");
    /** The model that makes /generate_response answer with speech. */
    public static final String AUDIO_MODEL = "openai-audio";
    /**
     * Which options mean something for which operation: the others are refused on that endpoint (model and seed go
     * with every call). Speech comes in the answer itself, so audio takes the size and directory options but not
     * {@code download}.
     */
    public static final SparkOperationOptions OPERATION_OPTIONS = SparkOperationOptions.of("dynaspark")
            .only(List.of("text"), List.of("temperature", "topP", "presencePenalty", "frequencyPenalty", "json",
                    "system", "stream", "lenientStream", "privateGeneration", "referrer"))
            .only(List.of("image"), List.of("width", "height", "nologo", "wm", "download", "allowedDownloadHosts"))
            .only(List.of("image", "audio"), List.of("downloadDirectory", "maxDownloadSize"))
            .only(List.of("audio"), List.of("voice"))
            .nowhere(SparkOperationOptions.SCHEDULED_POLL)
            .build();

    @UriParam(label = "producer", defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL (the path structure below it is kept). Point it at spark-emulator for tests.")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "producer",
              description = "The model. For text any model DynaSpark offers (the service picks one when unset); for images flux, turbo or gptimage (flux when unset); for audio always openai-audio.")
    private String model;
    @UriParam(label = "producer,text", description = "Randomness of the text, 0.0 to 3.0.")
    private Double temperature;
    @UriParam(label = "producer,text", description = "Nucleus sampling, 0.0 to 1.0.")
    private Double topP;
    @UriParam(label = "producer,text", description = "Penalises tokens already present, -2.0 to 2.0.")
    private Double presencePenalty;
    @UriParam(label = "producer,text", description = "Penalises frequent tokens, -2.0 to 2.0.")
    private Double frequencyPenalty;
    @UriParam(label = "producer,text", defaultValue = "false",
              description = "Ask for a JSON answer: the body is then the JSON document, as a String.")
    private boolean json;
    @UriParam(label = "producer,text", description = "A custom system prompt.")
    private String system;
    @UriParam(label = "producer,text", defaultValue = "false",
              description = "Stream the text: the body is then an Iterator of String deltas (also Closeable) delivered as they arrive; use .split(body()).streaming(), or convertBodyTo(String.class) for the whole text.")
    private boolean stream;
    @UriParam(label = "producer,text", defaultValue = "false",
              description = "Accept a stream that ends without its closing DONE event instead of failing it as truncated.")
    private boolean lenientStream;
    @UriParam(label = "producer,text", description = "Keep the generation private (the API's private parameter).")
    private Boolean privateGeneration;
    @UriParam(label = "producer", description = "Random seed, for reproducible results.")
    private Long seed;
    @UriParam(label = "producer,text", description = "Referrer information passed to the service.")
    private String referrer;
    @UriParam(label = "producer,audio", enums = "alloy,echo,fable,onyx,nova,shimmer",
              description = "The voice of the spoken answer (the service uses alloy when unset).")
    private String voice;
    @UriParam(label = "producer,image", description = "Image width in pixels, 64 to 2048 (the service uses 768 when unset).")
    private Integer width;
    @UriParam(label = "producer,image", description = "Image height in pixels, 64 to 2048 (the service uses 768 when unset).")
    private Integer height;
    @UriParam(label = "producer,image", description = "Leave the watermark out.")
    private Boolean nologo;
    @UriParam(label = "producer,image", description = "A custom watermark text.")
    private String wm;

    /** The endpoint's operation is the enum's name ({@link DynaSparkEndpoint}). */
    @Override
    public void validate(String provider, String operation) {
        validate(provider, DynaSparkOperation.valueOf(operation));
    }

    /** Checks the options that apply to {@code operation}, naming option, value and allowed range. */
    public void validate(String provider, DynaSparkOperation operation) {
        validate(provider);
        SparkChecks checks = SparkChecks.of(provider);
        switch (operation) {
            case text -> checks
                    .range("temperature", temperature, 0.0, 3.0)
                    .range("topP", topP, 0.0, 1.0)
                    .range("presencePenalty", presencePenalty, -2.0, 2.0)
                    .range("frequencyPenalty", frequencyPenalty, -2.0, 2.0);
            case audio -> checks
                    .oneOf("voice", voice, VOICES)
                    .that(model == null || AUDIO_MODEL.equals(model), "model", model,
                            "only " + AUDIO_MODEL + " (or unset) for dynaspark:audio");
            case image -> checks
                    .range("width", width, 64, 2048)
                    .range("height", height, 64, 2048)
                    .oneOf("model", model, IMAGE_MODELS);
        }
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    @Override
    public String requestModel(String operation) {
        return "audio".equals(operation) ? "openai-audio" : model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public Double getTopP() {
        return topP;
    }

    public void setTopP(Double topP) {
        this.topP = topP;
    }

    public Double getPresencePenalty() {
        return presencePenalty;
    }

    public void setPresencePenalty(Double presencePenalty) {
        this.presencePenalty = presencePenalty;
    }

    public Double getFrequencyPenalty() {
        return frequencyPenalty;
    }

    public void setFrequencyPenalty(Double frequencyPenalty) {
        this.frequencyPenalty = frequencyPenalty;
    }

    public boolean isJson() {
        return json;
    }

    public void setJson(boolean json) {
        this.json = json;
    }

    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }

    public boolean isStream() {
        return stream;
    }

    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public boolean isLenientStream() {
        return lenientStream;
    }

    public void setLenientStream(boolean lenientStream) {
        this.lenientStream = lenientStream;
    }

    public Boolean getPrivateGeneration() {
        return privateGeneration;
    }

    public void setPrivateGeneration(Boolean privateGeneration) {
        this.privateGeneration = privateGeneration;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getReferrer() {
        return referrer;
    }

    public void setReferrer(String referrer) {
        this.referrer = referrer;
    }

    public String getVoice() {
        return voice;
    }

    public void setVoice(String voice) {
        this.voice = voice;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    public Boolean getNologo() {
        return nologo;
    }

    public void setNologo(Boolean nologo) {
        this.nologo = nologo;
    }

    public String getWm() {
        return wm;
    }

    public void setWm(String wm) {
        this.wm = wm;
    }
}
