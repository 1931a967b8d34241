package io.deploykit.camel.reactor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.deploykit.camel.core.error.ApiException;
import io.deploykit.camel.core.error.AuthenticationException;
import io.deploykit.camel.core.http.HttpCall;
import io.deploykit.camel.core.http.HttpResult;
import io.deploykit.camel.core.json.ApiJson;
import io.deploykit.camel.reactor.model.ReactorError;

/** Reads the Reactor API's JSON:API error documents: {@code {"errors":[{"status","code","title","detail"}]}}. */
final class ReactorErrors {

    private ReactorErrors() {
    }

    static ApiException decode(HttpCall call, HttpResult result) {
        List<ReactorError> errors = read(ApiJson.treeOrNull(result.body()));
        String code = errors.isEmpty() ? null : errors.get(0).code();
        String message = errors.isEmpty()
                ? (result.body().length == 0 ? null : result.bodyExcerpt())
                : errors.stream().map(ReactorError::summary).collect(Collectors.joining("; "));
        String requestId = errors.isEmpty() ? null : requestId(ApiJson.treeOrNull(result.body()));
        if (requestId == null) {
            requestId = result.header("x-request-id");
        }
        if (result.status() == 401) {
            return new AuthenticationException(call.method(), call.uri().toString(), 401, code, message, requestId);
        }
        return new ApiException(call.method(), call.uri().toString(), result.status(), code, message, requestId);
    }

    /** The error objects of an {@code errors} array (of an error response or of status details). */
    static List<ReactorError> read(JsonNode document) {
        List<ReactorError> errors = new ArrayList<>();
        if (document != null) {
            for (JsonNode error : document.path("errors")) {
                errors.add(new ReactorError(ApiJson.text(error, "id"), ApiJson.text(error, "status"), ApiJson.text(error, "code"),
                        ApiJson.text(error, "title"), ApiJson.text(error, "detail")));
            }
        }
        return errors;
    }

    private static String requestId(JsonNode document) {
        for (JsonNode error : document.path("errors")) {
            String id = ApiJson.text(error.path("meta"), "request_id");
            if (id != null) {
                return id;
            }
        }
        return null;
    }
}
