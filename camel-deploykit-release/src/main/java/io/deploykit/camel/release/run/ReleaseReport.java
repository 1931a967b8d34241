package io.deploykit.camel.release.run;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.camel.core.json.ApiJson;

/**
 * What one run of a release did: every unit's outcome, duration and error, as JSON and as Markdown with a matrix of
 * target (scope) by step. A release that partly failed says which steps ran and which did not.
 */
public record ReleaseReport(String releaseId, String bundle, Instant started, Instant finished, List<UnitResult> units) {

    /** The release's outcome: SUCCEEDED when no unit failed or was left not run. */
    public boolean succeeded() {
        return units.stream().allMatch(u -> u.outcome() == UnitResult.Outcome.DONE
                                            || u.outcome() == UnitResult.Outcome.SKIPPED);
    }

    public long count(UnitResult.Outcome outcome) {
        return units.stream().filter(u -> u.outcome() == outcome).count();
    }

    public String toJson() {
        ObjectNode root = ApiJson.MAPPER.createObjectNode();
        root.put("release", releaseId).put("bundle", bundle).put("started", started.toString())
            .put("finished", finished.toString()).put("outcome", succeeded() ? "SUCCEEDED" : "FAILED");
        ObjectNode counts = root.putObject("counts");
        for (UnitResult.Outcome outcome : UnitResult.Outcome.values()) {
            counts.put(outcome.name(), count(outcome));
        }
        ArrayNode rows = root.putArray("steps");
        for (UnitResult result : units) {
            ObjectNode row = rows.addObject().put("wave", result.unit().wave())
                    .put("target", result.unit().target().describe()).put("scope", result.unit().scope())
                    .put("step", result.unit().step().number()).put("kind", result.unit().step().kind().name())
                    .put("path", result.unit().step().path()).put("outcome", result.outcome().name())
                    .put("durationMillis", result.duration().toMillis());
            if (result.unit().company() != null) {
                row.put("company", result.unit().company());
            }
            if (result.detail() != null) {
                row.put("detail", result.detail());
            }
        }
        return root.toPrettyString();
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Release ").append(releaseId).append(": ")
                .append(succeeded() ? "succeeded" : "FAILED").append("\n\n")
                .append("- Bundle: `").append(bundle).append("`\n- Started: ").append(started).append("\n- Finished: ")
                .append(finished).append(" (").append(Duration.between(started, finished).toMillis()).append(" ms)\n- Steps: ");
        for (UnitResult.Outcome outcome : UnitResult.Outcome.values()) {
            md.append(outcome.name().toLowerCase().replace('_', ' ')).append(' ').append(count(outcome))
              .append(outcome == UnitResult.Outcome.NOT_RUN ? "\n\n" : ", ");
        }
        Set<Integer> steps = new LinkedHashSet<>();
        Map<String, Map<Integer, UnitResult>> rows = new LinkedHashMap<>();
        for (UnitResult result : units) {
            steps.add(result.unit().step().number());
            String row = result.unit().wave() + " | " + (result.unit().company() == null
                    ? result.unit().target().describe() : result.unit().target().describe() + "/" + result.unit().company());
            rows.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(result.unit().step().number(), result);
        }
        md.append("| wave | target |");
        units.stream().map(u -> u.unit().step()).distinct().forEach(step -> md.append(' ').append(step.number())
                .append(". ").append(step.kind()).append(" `").append(step.path()).append("` |"));
        md.append("\n|---|---|").append("---|".repeat(steps.size())).append('\n');
        rows.forEach((row, byStep) -> {
            md.append("| ").append(row).append(" |");
            for (Integer step : steps) {
                UnitResult result = byStep.get(step);
                md.append(' ').append(result == null ? "" : cell(result)).append(" |");
            }
            md.append('\n');
        });
        List<UnitResult> problems = units.stream().filter(u -> u.detail() != null).toList();
        if (!problems.isEmpty()) {
            md.append("\n## Why\n\n");
            problems.forEach(p -> md.append("- ").append(p.unit().wave()).append(", ").append(p.unit().scope())
                    .append(", step ").append(p.unit().step().describe()).append(": ").append(p.outcome().name()
                            .toLowerCase().replace('_', ' ')).append(" — ").append(p.detail().replace('\n', ' '))
                    .append('\n'));
        }
        return md.toString();
    }

    private static String cell(UnitResult result) {
        return switch (result.outcome()) {
            case DONE -> "done " + result.duration().toMillis() + " ms" + (result.detail() != null ? " (see below)" : "");
            case SKIPPED -> "skipped";
            case FAILED -> "**failed** " + result.duration().toMillis() + " ms";
            case NOT_RUN -> "not run";
        };
    }
}
