package io.deploykit.camel.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;

import io.deploykit.camel.core.console.DeployJson;
import io.deploykit.camel.core.journal.JournalRecord;
import io.deploykit.camel.core.journal.JournalRecords;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.support.DeployKitComponent;
import io.deploykit.camel.core.support.Failures;
import io.deploykit.camel.release.ReleaseComponent;
import io.deploykit.camel.release.run.ReleaseBoard;
import io.deploykit.camel.release.run.ReleaseRecords;

/**
 * What the page shows, as one JSON document: the deploys in flight and the last ones of this instance (from the
 * components' statistics), the journal's latest records (every instance's, with a shared store), the files in
 * {@code .error} with their reasons, the releases' matrices and the gates that wait. Times are ISO instants: the
 * browser shows them in its own time zone. Nothing here holds a secret: endpoints are named without their options.
 */
record DeploymentsView(CamelContext camel, Supplier<JournalRecords> journal, Inboxes inboxes, ErrorFiles errorFiles,
                       int recentLimit) {

    Map<String, Object> state() {
        List<Object> inFlight = new ArrayList<>();
        List<Object> lastDeploys = new ArrayList<>();
        for (DeployKitStatistics stats : statistics()) {
            stats.deploysInFlight().forEach(op -> inFlight.add(of(stats.component(), DeployJson.running(op))));
            stats.recentDeploys().forEach(done -> lastDeploys.add(of(stats.component(), DeployJson.completed(done))));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        List<JournalRecord> records = List.of();
        try {
            JournalRecords source = journal.get();
            records = source == null ? List.of() : source.latest(recentLimit);
        } catch (RuntimeException unreachable) {
            // the store (a database) is down: what this instance knows is shown all the same
            state.put("journalError", Failures.message(unreachable));
        }
        state.put("inboxes", inboxes.names());
        state.put("inFlight", inFlight);
        state.put("lastDeploys", lastDeploys);
        state.put("journal", records.stream().filter(r -> !ReleaseRecords.GATE.equals(r.operation()))
                .map(DeploymentsView::record).toList());
        state.put("errorFiles", errorFiles.list());
        List<ReleaseBoard.Run> runs = releases();
        state.put("releases", runs);
        state.put("journalReleases", JournalReleases.of(records, runs.stream().map(ReleaseBoard.Run::releaseId)
                .collect(Collectors.toSet())));
        state.put("gates", gates(records, runs));
        return state;
    }

    private List<DeployKitStatistics> statistics() {
        return DeployKitComponent.started(camel, DeployKitComponent.class).values().stream()
                .map(DeployKitComponent::getStatistics).toList();
    }

    /** The console's JSON of the deploy, and which component runs it. */
    private static Map<String, Object> of(String component, Map<String, Object> deploy) {
        Map<String, Object> item = new LinkedHashMap<>(deploy);
        item.put("component", component);
        return item;
    }

    /**
     * A journal record: a file's deploy named by the first part of its key (its name; the rest is its size, time and
     * hash), a release's unit by its whole key (release, scope and step).
     */
    private static Map<String, Object> record(JournalRecord record) {
        Map<String, Object> item = new LinkedHashMap<>();
        int bar = record.deploy().indexOf('|');
        item.put("what", bar < 0 || ReleaseRecords.UNIT.equals(record.operation()) ? record.deploy()
                : record.deploy().substring(0, bar));
        item.put("operation", record.operation());
        item.put("scope", record.scope());
        item.put("step", record.step());
        item.put("at", record.at().toString());
        item.put("settled", record.settled());
        return item;
    }

    private List<ReleaseBoard.Run> releases() {
        ReleaseComponent component = releaseComponent();
        return component == null ? List.of() : component.board().runs();
    }

    /** The application's release component, which decides its gates; null when it runs no releases. */
    ReleaseComponent releaseComponent() {
        return camel.hasComponent("release") instanceof ReleaseComponent component ? component : null;
    }

    /** The gates that wait: from the journal (any instance's), and from this instance's runs. */
    private static List<Map<String, String>> gates(List<JournalRecord> records, List<ReleaseBoard.Run> runs) {
        Map<String, Map<String, String>> gates = new LinkedHashMap<>();
        for (JournalRecord record : records) {
            if (ReleaseRecords.GATE_WAITING.equals(record.step())) {
                ReleaseRecords.gate(record.operation(), record.deploy()).ifPresent(gate -> gates.put(record.deploy(),
                        Map.of("release", gate.releaseId(), "wave", gate.wave(), "since", record.at().toString())));
            }
        }
        for (ReleaseBoard.Run run : runs) {
            run.gates().forEach((wave, state) -> {
                if (ReleaseRecords.GATE_WAITING.equals(state) && !run.finished()) {
                    gates.putIfAbsent(ReleaseRecords.gateKey(run.releaseId(), wave), Map.of("release", run.releaseId(),
                            "wave", wave, "since", run.started().toString()));
                }
            });
        }
        return new ArrayList<>(gates.values());
    }
}
