package dev.camelspark.emulator.neospark;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.Params;

/** The body of {@code POST /drawing/sessions/{id}/generate}, every parameter checked as api-contracts.md §5 says. */
record ImageRequest(String prompt, ImageModels.Model model, String resolution, String aspectRatio, int numImages,
        String negativePrompt, String refUploadId, List<String> refUploadIds, List<String> refImagePaths,
        double strength, String provider, String quality, boolean optimizePrompt) {

    static final int MAX_REF_UPLOAD_IDS = 14;

    static ImageRequest parse(JsonNode body) {
        JsonFields f = new JsonFields(body);
        String prompt = f.requiredText("prompt");
        String modelId = f.requiredText("model");
        ImageModels.Model model = ImageModels.MODELS.get(modelId);
        if (model == null) {
            throw new Params.Invalid("model", "Invalid value '" + modelId + "' for 'model': must be one of "
                    + String.join(", ", ImageModels.MODELS.keySet()));
        }
        String resolution = f.requiredText("resolution");
        if (model.resolution(resolution) == null) {
            throw new Params.Invalid("resolution", "Invalid value '" + resolution + "' for 'resolution': model "
                    + model.id() + " supports " + String.join(", ", model.resolutionValues()));
        }
        String aspectRatio = f.requiredText("aspect_ratio");
        if (!ImageModels.ASPECT_RATIOS.containsKey(aspectRatio)) {
            throw new Params.Invalid("aspect_ratio", "Invalid value '" + aspectRatio + "' for 'aspect_ratio': must be "
                    + "one of " + String.join(", ", ImageModels.ASPECT_RATIOS.keySet()));
        }
        Long numImages = f.integer("num_images", 1, 4);
        String negative = f.text("negative_prompt");
        String refUploadId = f.text("ref_upload_id");
        List<String> refUploadIds = f.texts("ref_upload_ids", MAX_REF_UPLOAD_IDS);
        List<String> refImagePaths = f.texts("ref_image_paths", MAX_REF_UPLOAD_IDS);
        Double strength = f.number("strength", 0.0, 1.0);
        String provider = f.oneOf("provider", ImageModels.PROVIDERS);
        if (provider != null && !ImageModels.canonicalProvider(provider).equals(model.provider())) {
            throw new Params.Invalid("provider", "Invalid value '" + provider + "' for 'provider': model " + model.id()
                    + " is served by " + (model.provider().equals("openai") ? "openai (tengda)" : model.provider()));
        }
        String quality = f.oneOf("quality", ImageModels.QUALITIES);
        if (quality != null && !model.hasQuality()) {
            throw new Params.Invalid("quality", "Parameter 'quality' is only supported by gpt-image-2, not by "
                    + model.id());
        }
        Boolean optimize = f.bool("optimize_prompt");
        ImageRequest request = new ImageRequest(prompt, model, resolution, aspectRatio,
                numImages == null ? 1 : numImages.intValue(), negative, refUploadId, refUploadIds, refImagePaths,
                strength == null ? 0.7 : strength, provider == null ? model.provider() : provider,
                quality, Boolean.TRUE.equals(optimize));
        int references = request.uploadReferences().size() + refImagePaths.size();
        if (references > model.maxReferences()) {
            throw new Params.Invalid("ref_upload_ids", "Too many reference images: " + references + " given, model "
                    + model.id() + " takes at most " + model.maxReferences());
        }
        return request;
    }

    /** {@code ref_upload_id} and {@code ref_upload_ids} together. */
    List<String> uploadReferences() {
        List<String> all = new ArrayList<>();
        if (refUploadId != null) {
            all.add(refUploadId);
        }
        all.addAll(refUploadIds);
        return all;
    }

    int unitPrice() {
        return model.resolution(resolution).price(quality);
    }

    /** Unit price of the resolution (and quality) times the number of images. */
    int estimatedCost() {
        return unitPrice() * numImages;
    }
}
