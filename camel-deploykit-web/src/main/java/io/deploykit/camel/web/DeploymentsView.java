package io.deploykit.camel.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;

import io.deploykit.camel.core.console.DeployJson;
import io.deploykit.camel.core.journal.JournalRecord;
import io.deploykit.camel.core.journal.JournalRecords;
import io.deploykit.camel.core.observe.DeployKitStatistics;
import io.deploykit.camel.core.support.DeployKitComponent;
import io.deploykit.camel.core.support.Failures;
import io.deploykit.camel.release.ReleaseComponent;
import io.deploykit.camel.release.run.ReleaseBoard;

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
            records = journal.get() == null ? List.of() : journal.get().latest(recentLimit);
        } catch (RuntimeException unreachable) {
            // the store (a database) is down: what this instance knows is shown all the same
            state.put("journalError", Failures.message(unreachable));
        }
        state.put("inboxes", inboxes.names());
        state.put("inFlight", inFlight);
        state.put("lastDeploys", lastDeploys);
        state.put("journal", records.stream().filter(r -> !"approval".equals(r.operation())).map(DeploymentsView::record)
                .toList());
        state.put("errorFiles", errorFiles.list());
        List<ReleaseBoard.Run> runs = releases();
        state.put("releases", runs);
        state.put("journalReleases", JournalReleases.of(records, runs.stream().map(ReleaseBoard.Run::releaseId)
                .collect(Collectors.toSet())));
        state.put("gates", gates(records));
        return state;
    }

    private List<DeployKitStatistics> statistics() {
        List<DeployKitStatistics> found = new ArrayList<>();
        for (String name : camel.getComponentNames()) {
            Component component = camel.hasComponent(name);
            if (component instanceof DeployKitComponent deployKit && deployKit.getStatistics() != null) {
                found.add(deployKit.getStatistics());
            }
        }
        return found;
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
        item.put("what", bar < 0 || "release".equals(record.operation()) ? record.deploy()
                : record.deploy().substring(0, bar));
        item.put("operation", record.operation());
        item.put("scope", record.scope());
        item.put("step", record.step());
        item.put("at", record.at().toString());
        item.put("settled", record.settled());
        return item;
    }

    private List<ReleaseBoard.Run> releases() {
        return releaseComponent() == null ? List.of() : releaseComponent().board().runs();
    }

    /** The application's release component, which decides its gates; null when it runs no releases. */
    ReleaseComponent releaseComponent() {
        return camel.hasComponent("release") instanceof ReleaseComponent component ? component : null;
    }

    /** The gates that wait: from the journal (any instance's), and from this instance's runs. */
    private List<Map<String, String>> gates(List<JournalRecord> records) {
        Map<String, Map<String, String>> gates = new LinkedHashMap<>();
        for (JournalRecord record : records) {
            int bar = record.deploy().lastIndexOf('|');
            if ("approval".equals(record.operation()) && "waiting".equals(record.step()) && bar > 0) {
                gates.put(record.deploy(), Map.of("release", record.deploy().substring(0, bar),
                        "wave", record.deploy().substring(bar + 1), "since", record.at().toString()));
            }
        }
        for (ReleaseBoard.Run run : releases()) {
            run.gates().forEach((wave, state) -> {
                if ("waiting".equals(state) && !run.finished()) {
                    gates.putIfAbsent(run.releaseId() + "|" + wave, Map.of("release", run.releaseId(), "wave", wave,
                            "since", run.started().toString()));
                }
            });
        }
        return new ArrayList<>(gates.values());
    }
}
