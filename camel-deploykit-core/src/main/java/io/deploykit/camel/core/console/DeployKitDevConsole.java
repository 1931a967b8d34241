package io.deploykit.camel.core.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.support.console.AbstractDevConsole;

import io.deploykit.camel.core.auth.ClientCredentialsAuthenticator;
import io.deploykit.camel.core.observe.CompletedDeploy;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.observe.Outcome;
import io.deploykit.camel.core.observe.RunningOperation;
import io.deploykit.camel.core.observe.Units;
import io.deploykit.camel.core.observe.UploadProgress;
import io.deploykit.camel.core.poll.JobPoller;
import io.deploykit.camel.core.support.DeployKitComponent;

/**
 * The dev console of a DeployKit component, in text and JSON like Camel's own: the deploys in flight with their step,
 * age and upload progress, the last deploys with outcome and duration, the waits for jobs by company (or organisation),
 * the token cache (client, token URL, expiry: never a token), retries by status, and the totals. One section per
 * component of the type in the context (usually one, named by its scheme). Option {@code limit}: how many of the last
 * deploys to show (default {@value #DEFAULT_LIMIT}).
 */
public abstract class DeployKitDevConsole extends AbstractDevConsole {

    static final int DEFAULT_LIMIT = 20;

    private final Class<? extends DeployKitComponent> type;

    protected DeployKitDevConsole(String id, String displayName, String description,
                                  Class<? extends DeployKitComponent> type) {
        super("camel", id, displayName, description);
        this.type = type;
    }

    private Map<String, DeployKitComponent> components() {
        return DeployKitComponent.started(getCamelContext(), type);
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        int limit = optionInt(options, "limit", DEFAULT_LIMIT);
        StringBuilder text = new StringBuilder();
        components().forEach((name, component) -> text(text, name, component, limit));
        return text.length() == 0 ? "No " + getId() + " component has started.\n" : text.toString();
    }

    private static void text(StringBuilder out, String name, DeployKitComponent component, int limit) {
        DeployKitStatistics stats = component.getStatistics();
        out.append("Component ").append(name).append('\n');
        out.append(String.format("    Operations: %d succeeded, %d failed, %d interrupted, %d in flight%n",
                stats.operations(Outcome.SUCCESS), stats.operations(Outcome.FAILURE), stats.operations(Outcome.INTERRUPTED),
                stats.operationsInFlight()));
        out.append(String.format("    Deploys: %d succeeded, %d failed, %d interrupted, %d in flight%n",
                stats.deploys(Outcome.SUCCESS), stats.deploys(Outcome.FAILURE), stats.deploys(Outcome.INTERRUPTED),
                stats.deploysInFlightCount()));
        out.append(String.format("    Uploaded: %s; tokens fetched: %d (%d refused); retries by status: %s%n",
                Units.bytes(stats.bytesUploaded()), stats.tokenFetches(), stats.tokenFetchFailures(), stats.retriesByReason()));
        out.append(String.format("    Job waits: %d in flight, %d ended (%d timed out), longest %s%n", stats.waitsInFlight(),
                stats.jobWaits(), stats.jobWaits(Outcome.TIMEOUT), Units.duration(stats.longestJobWait())));

        out.append("\n    Deploys in flight:\n");
        List<RunningOperation> running = stats.deploysInFlight();
        if (running.isEmpty()) {
            out.append("        none\n");
        }
        for (RunningOperation op : running) {
            out.append(String.format("        %s  %s  step=%s  age=%s  %s%n", op.what(), op.operation(),
                    op.step() == null ? "-" : op.step(), Units.duration(op.age()), op.endpoint()));
            UploadProgress upload = op.upload();
            if (upload != null && upload.attempts() > 0) {
                out.append("            upload: ").append(upload.describe()).append('\n');
            }
        }

        out.append("\n    Last deploys (latest first):\n");
        List<CompletedDeploy> recent = stats.recentDeploys();
        if (recent.isEmpty()) {
            out.append("        none\n");
        }
        recent.stream().limit(limit).forEach(done -> out.append(String.format("        %s  %s  %s  %s  in %s%s%n",
                done.startedAt(), done.what(), done.operation(), done.outcome().label(), Units.duration(done.duration()),
                done.error() == null ? "" : "  " + done.error())));

        out.append("\n    Waits for jobs, by company:\n");
        Map<String, List<JobPoller.WaitState>> waits = waitsByGroup(component);
        if (waits.isEmpty()) {
            out.append("        none\n");
        }
        waits.forEach((group, list) -> {
            out.append(String.format("        %s: %d waiting%n", group.isEmpty() ? "-" : group, list.size()));
            for (JobPoller.WaitState wait : list) {
                out.append(String.format("            %s: %s, for %s%s%n", wait.what(),
                        wait.lastStatus() == null ? "no status yet" : wait.lastStatus(),
                        Units.duration(Duration.between(wait.startedAt(), Instant.now())),
                        wait.failedPolls() > 0 ? ", " + wait.failedPolls() + " polls failed" : ""));
            }
        });

        out.append("\n    Token cache:\n");
        List<ClientCredentialsAuthenticator.State> tokens = component.getTokenCache().entries();
        if (tokens.isEmpty()) {
            out.append("        none\n");
        }
        for (ClientCredentialsAuthenticator.State token : tokens) {
            out.append(String.format("        client %s at %s: %s, %d fetched%s%n", token.clientId(), token.tokenUrl(),
                    token.expiresAt() == null ? "no token" : "expires " + token.expiresAt() + ", refreshed from "
                                                             + token.refreshAt(),
                    token.fetches(), token.lastFailure() == null ? ""
                            : "; last refusal at " + token.lastFailureAt() + ": " + token.lastFailure()));
        }
        out.append('\n');
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        int limit = optionInt(options, "limit", DEFAULT_LIMIT);
        Map<String, Object> root = new LinkedHashMap<>();
        components().forEach((name, component) -> root.put(name, json(component, limit)));
        return root;
    }

    private static Map<String, Object> json(DeployKitComponent component, int limit) {
        DeployKitStatistics stats = component.getStatistics();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operations", outcomes(stats.operations(Outcome.SUCCESS), stats.operations(Outcome.FAILURE),
                stats.operations(Outcome.INTERRUPTED), stats.operationsInFlight()));
        json.put("operationsByName", new LinkedHashMap<>(stats.operationsByName()));
        json.put("deploys", outcomes(stats.deploys(Outcome.SUCCESS), stats.deploys(Outcome.FAILURE),
                stats.deploys(Outcome.INTERRUPTED), stats.deploysInFlightCount()));
        json.put("bytesUploaded", stats.bytesUploaded());
        json.put("tokenFetches", stats.tokenFetches());
        json.put("tokenFetchFailures", stats.tokenFetchFailures());
        json.put("retriesByStatus", new LinkedHashMap<>(stats.retriesByReason()));

        List<Object> running = new ArrayList<>();
        stats.deploysInFlight().forEach(op -> running.add(DeployJson.running(op)));
        json.put("deploysInFlight", running);

        List<Object> recent = new ArrayList<>();
        stats.recentDeploys().stream().limit(limit).forEach(done -> recent.add(DeployJson.completed(done)));
        json.put("lastDeploys", recent);

        Map<String, Object> waits = new LinkedHashMap<>();
        waits.put("inFlight", stats.waitsInFlight());
        waits.put("ended", stats.jobWaits());
        waits.put("timedOut", stats.jobWaits(Outcome.TIMEOUT));
        waits.put("longestMillis", stats.longestJobWait().toMillis());
        Map<String, Object> byCompany = new LinkedHashMap<>();
        waitsByGroup(component).forEach((group, list) -> {
            List<Object> items = new ArrayList<>();
            for (JobPoller.WaitState wait : list) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("what", wait.what());
                item.put("status", wait.lastStatus());
                item.put("startedAt", wait.startedAt().toString());
                item.put("deadline", wait.deadline().toString());
                item.put("failedPolls", wait.failedPolls());
                items.add(item);
            }
            byCompany.put(group, items);
        });
        waits.put("byCompany", byCompany);
        json.put("waits", waits);

        List<Object> tokens = new ArrayList<>();
        for (ClientCredentialsAuthenticator.State token : component.getTokenCache().entries()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("clientId", token.clientId());
            item.put("tokenUrl", token.tokenUrl());
            item.put("scope", token.scope());
            item.put("expiresAt", token.expiresAt() == null ? null : token.expiresAt().toString());
            item.put("refreshAt", token.refreshAt() == null ? null : token.refreshAt().toString());
            item.put("fetches", token.fetches());
            item.put("lastFailureAt", token.lastFailureAt() == null ? null : token.lastFailureAt().toString());
            item.put("lastFailure", token.lastFailure());
            tokens.add(item);
        }
        json.put("tokenCache", tokens);
        return json;
    }

    private static Map<String, Object> outcomes(long succeeded, long failed, long interrupted, long inFlight) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("succeeded", succeeded);
        map.put("failed", failed);
        map.put("interrupted", interrupted);
        map.put("inFlight", inFlight);
        return map;
    }

    private static Map<String, List<JobPoller.WaitState>> waitsByGroup(DeployKitComponent component) {
        Map<String, List<JobPoller.WaitState>> groups = new TreeMap<>();
        for (JobPoller.WaitState wait : component.getJobPoller().waits()) {
            groups.computeIfAbsent(wait.group(), key -> new ArrayList<>()).add(wait);
        }
        return groups;
    }
}
