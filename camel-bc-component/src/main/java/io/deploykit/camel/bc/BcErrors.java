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
        JsonNode error = ApiJson.treeOrNull(result.body());
        error = error == null ? null : error.get("error");
        String code = ApiJson.text(error, "code");
        String message = ApiJson.text(error, "message");
        if (message == null && error == null) {
            message = result.body().length == 0 ? null : result.bodyExcerpt();
        }
        String correlation = correlationId(message, result);
        if (result.status() == 401) {
            return new AuthenticationException(call.method(), call.uri().toString(), 401, code,
                    message == null ? "the credentials were refused" : message, correlation);
        }
        return new ApiException(call.method(), call.uri().toString(), result.status(), code, message, correlation);
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
