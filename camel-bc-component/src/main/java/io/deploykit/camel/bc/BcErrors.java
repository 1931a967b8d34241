package io.deploykit.camel.bc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.AuthenticationException;
import io.deploykit.camel.core.http.HttpCall;
import io.deploykit.camel.core.http.HttpResult;
import io.deploykit.camel.core.json.ApiJson;

/** Reads Business Central's OData error bodies: {@code {"error":{"code":..,"message":".. CorrelationId: <guid>."}}}. */
final class BcErrors {

    private static final Pattern CORRELATION = Pattern.compile("CorrelationId:\\s*([0-9a-fA-F-]{36})");

    private BcErrors() {
    }

    static ApiException decode(HttpCall call, HttpResult result) {
        JsonNode body = ApiJson.treeOrNull(result.body());
        // the v2.0 API wraps its errors in "error"; the admin center API answers {code, message, data} as they are
        JsonNode error = body == null ? null : body.has("error") ? body.get("error") : body.has("code") ? body : null;
        String code = ApiJson.text(error, "code");
        String message = ApiJson.text(error, "message");
        if (message == null && error == null) {
            message = result.body().length == 0 ? null : result.bodyExcerpt();
        }
        message = withRequirements(message, error);
        String correlation = correlationId(message, result);
        if (result.status() == 401) {
            return new AuthenticationException(call.method(), call.uri().toString(), 401, code,
                    message == null ? "the credentials were refused" : message, correlation);
        }
        return new ApiException(call.method(), call.uri().toString(), result.status(), code, message, correlation);
    }

    /** The apps the admin center API says must be installed, updated or uninstalled first, named in the message. */
    private static String withRequirements(String message, JsonNode error) {
        JsonNode requirements = error == null ? null : error.path("data").path("requirements");
        if (requirements == null || !requirements.isArray() || requirements.isEmpty()) {
            return message;
        }
        StringBuilder text = new StringBuilder(message == null ? "Apps are required first" : message).append(": ");
        int shown = 0;
        for (JsonNode requirement : requirements) {
            if (shown++ == 20) {
                text.append(", and ").append(requirements.size() - 20).append(" more");
                break;
            }
            text.append(shown > 1 ? ", " : "").append(ApiJson.text(requirement, "type")).append(' ')
                    .append(ApiJson.text(requirement, "name")).append(" by ").append(ApiJson.text(requirement, "publisher"))
                    .append(' ').append(ApiJson.text(requirement, "version")).append(" (")
                    .append(ApiJson.text(requirement, "appId")).append(')');
        }
        return text.toString();
    }

    private static String correlationId(String message, HttpResult result) {
        if (message != null) {
            Matcher m = CORRELATION.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
        }
        for (String header : new String[] { "ms-correlation-x", "request-id", "x-ms-correlation-id", "x-request-id" }) {
            String value = result.header(header);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
