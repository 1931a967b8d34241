package io.deploykit.camel.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.deploykit.camel.core.journal.JournalRecord;
import io.deploykit.camel.release.run.ReleaseBoard;
import io.deploykit.camel.release.run.ReleaseRecords;

/**
 * The releases the journal knows and this instance's board does not (run by another instance, or before a restart):
 * a matrix of scope by step from the units recorded done ({@code release|scope|step}), and their gates' last
 * decisions. Only what the journal's latest records hold: steps not done yet do not show.
 */
final class JournalReleases {

    private JournalReleases() {
    }

    static List<Map<String, Object>> of(List<JournalRecord> records, Set<String> onTheBoard) {
        Map<String, List<ReleaseBoard.Cell>> cells = new TreeMap<>();
        Map<String, Map<String, String>> gates = new TreeMap<>();
        Map<String, Instant> first = new TreeMap<>();
        for (JournalRecord record : records) {
            ReleaseRecords.unit(record.operation(), record.deploy()).filter(u -> !onTheBoard.contains(u.releaseId()))
                    .ifPresent(unit -> {
                        cells.computeIfAbsent(unit.releaseId(), id -> new ArrayList<>()).add(new ReleaseBoard.Cell(
                                unit.scope(), unit.step(), "step " + unit.step(), ReleaseBoard.State.DONE,
                                "done at " + record.at()));
                        first.merge(unit.releaseId(), record.at(), (a, b) -> a.isBefore(b) ? a : b);
                    });
            ReleaseRecords.gate(record.operation(), record.deploy()).filter(g -> !onTheBoard.contains(g.releaseId()))
                    .ifPresent(gate -> gates.computeIfAbsent(gate.releaseId(), id -> new TreeMap<>())
                            .put(gate.wave(), record.step()));
        }
        List<Map<String, Object>> releases = new ArrayList<>();
        cells.forEach((id, done) -> {
            Map<String, Object> release = new LinkedHashMap<>();
            release.put("releaseId", id);
            release.put("started", first.get(id).toString());
            release.put("fromJournal", true);
            release.put("cells", sorted(done));
            release.put("gates", gates.getOrDefault(id, Map.of()));
            releases.add(release);
        });
        return releases;
    }

    private static List<ReleaseBoard.Cell> sorted(Collection<ReleaseBoard.Cell> cells) {
        return cells.stream().sorted((a, b) -> a.row().equals(b.row()) ? Integer.compare(a.step(), b.step())
                : a.row().compareTo(b.row())).toList();
    }
}
