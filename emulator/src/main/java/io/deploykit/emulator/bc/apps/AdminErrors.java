package io.deploykit.emulator.bc.apps;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.http.ErrorFormat;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.JsonCodec;

/**
 * The admin center API's errors: {@code {"code":..,"message":..,"target":..}}, and with {@code data.requirements}
 * when apps must be installed, updated or uninstalled first. Microsoft's app management page names one code,
 * {@code ResourceDoesNotExist} (404); for the other refusals the emulator answers {@code InvalidInput}, so a client
 * should read the status and {@code data}, not the code.
 */
public final class AdminErrors implements ErrorFormat {

    static final String NOT_FOUND = "ResourceDoesNotExist";
    static final String INVALID_INPUT = "InvalidInput";

    @Override
    public void write(Exchange exchange, HttpError error) throws IOException {
        exchange.respondJson(error.status(), JsonCodec.object().put("code", error.code())
                .put("message", error.getMessage()));
    }

    @Override
    public String codeFor(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 404 -> NOT_FOUND;
            case 405 -> "MethodNotAllowed";
            case 408 -> "RequestTimeout";
            case 413 -> "RequestEntityTooLarge";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> "InternalServerError";
        };
    }

    static HttpError invalid(String message) {
        return new HttpError(400, INVALID_INPUT, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, NOT_FOUND, message);
    }

    /** A refusal listing what must happen first: {@code type} is {@code install}, {@code update} or {@code uninstall}. */
    static RequirementsMissing requirements(String message, List<Requirement> requirements) {
        return new RequirementsMissing(message, requirements);
    }

    record Requirement(String appId, String name, String publisher, String version, String type) {
    }

    /** Thrown by the model, answered by the resource with {@code data.requirements}. */
    static final class RequirementsMissing extends RuntimeException {

        final List<Requirement> requirements;

        RequirementsMissing(String message, List<Requirement> requirements) {
            super(message, null, false, false);
            this.requirements = List.copyOf(requirements);
        }

        ObjectNode json() {
            ObjectNode body = JsonCodec.object().put("code", INVALID_INPUT).put("message", getMessage());
            ArrayNode list = body.putObject("data").putArray("requirements");
            requirements.forEach(r -> list.addObject().put("appId", r.appId()).put("name", r.name())
                    .put("publisher", r.publisher()).put("version", r.version()).put("type", r.type()));
            return body;
        }
    }
}
