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
            String[] key = record.deploy().split("\\|");
            if ("release".equals(record.operation()) && key.length == 3 && key[2].matches("\\d+")
                && !onTheBoard.contains(key[0])) {
                cells.computeIfAbsent(key[0], id -> new ArrayList<>()).add(new ReleaseBoard.Cell(key[1],
                        Integer.parseInt(key[2]), "step " + key[2], ReleaseBoard.State.DONE, "done at " + record.at()));
                first.merge(key[0], record.at(), (a, b) -> a.isBefore(b) ? a : b);
            } else if ("approval".equals(record.operation()) && key.length == 2 && !onTheBoard.contains(key[0])) {
                gates.computeIfAbsent(key[0], id -> new TreeMap<>()).put(key[1], record.step());
            }
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
