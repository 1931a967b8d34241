package io.deploykit.emulator.reactor.jsonapi;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deploykit.emulator.http.ErrorFormat;
import io.deploykit.emulator.http.Exchange;
import io.deploykit.emulator.http.HttpError;
import io.deploykit.emulator.http.JsonCodec;

/**
 * The Reactor API's error documents: {@code {"errors":[{"id","status":"404","code","title","detail","source",
 * "meta":{"request_id"}}]}}, with the status as a string, as JSON:API has it.
 */
public final class JsonApiErrors implements ErrorFormat {

    private static final Logger LOG = LoggerFactory.getLogger(JsonApiErrors.class);

    private final Answers answers;

    public JsonApiErrors(Answers answers) {
        this.answers = answers;
    }

    @Override
    public void write(Exchange exchange, HttpError error) throws IOException {
        write(exchange, ApiProblem.of(error));
    }

    public void write(Exchange exchange, ApiProblem problem) throws IOException {
        ObjectNode error = JsonCodec.object();
        if (problem.brief()) {
            LOG.debug("{} {}: {}", problem.status(), problem.code(), problem.getMessage());
            error.put("status", Integer.toString(problem.status()))
                    .put("code", problem.code())
                    .put("title", problem.title());
        } else {
            error.put("id", UUID.randomUUID().toString())
                    .put("status", Integer.toString(problem.status()))
                    .put("code", problem.code())
                    .put("title", problem.title())
                    .put("detail", problem.getMessage());
        }
        if (problem.pointer() != null) {
            error.putObject("source").put("pointer", problem.pointer());
        } else if (problem.parameter() != null) {
            error.putObject("source").put("parameter", problem.parameter());
        }
        error.putObject("meta").put("request_id", exchange.correlationId());
        ObjectNode document = JsonCodec.object();
        document.putArray("errors").add(error);
        answers.json(exchange, problem.status(), Answers.JSON_API, document);
    }

    @Override
    public String codeFor(int status) {
        return ApiProblem.codeFor(status);
    }
}
