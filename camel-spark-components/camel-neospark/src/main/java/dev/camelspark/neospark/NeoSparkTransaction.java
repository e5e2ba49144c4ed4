package dev.camelspark.neospark;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.SparkJson;

/**
 * One credit transaction, as {@code neospark:billing-history} returns them.
 *
 * @param amount      credits: negative for a charge, positive for a refund or a top-up (as the service signs it)
 * @param referenceId what it was for (a message or task id)
 * @param createdAt   as the service wrote it (ISO-8601)
 */
public record NeoSparkTransaction(String id, String type, BigDecimal amount, BigDecimal balanceBefore,
                                  BigDecimal balanceAfter, String referenceId, String description, String createdAt) {

    static NeoSparkTransaction of(JsonNode json) {
        return new NeoSparkTransaction(SparkJson.text(json, "id"), SparkJson.text(json, "type"),
                NeoSparkTask.decimal(json.get("amount")), NeoSparkTask.decimal(json.get("balance_before")),
                NeoSparkTask.decimal(json.get("balance_after")), SparkJson.text(json, "reference_id"),
                SparkJson.text(json, "description"), SparkJson.text(json, "created_at"));
    }
}
