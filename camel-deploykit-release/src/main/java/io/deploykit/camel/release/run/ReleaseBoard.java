package io.deploykit.camel.release.run;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The releases of this instance as they run, for pages: each one's matrix of target by step with each cell's live
 * state, and the gates it waits at. Keeps the last {@value #KEPT} runs; the reports on disk and the journal keep the
 * rest.
 */
public final class ReleaseBoard {

    static final int KEPT = 20;

    /** Where one unit stands. */
    public enum State { PENDING, RUNNING, DONE, SKIPPED, FAILED, NOT_RUN }

    /** One cell: a unit's row (wave and target, with its company) and step, its state and why. */
    public record Cell(String row, int step, String stepName, State state, String detail) {
    }

    /** One run: its cells in plan order, its gates by wave ({@code waiting}, {@code approved}, {@code refused: ...}). */
    public record Run(String releaseId, Instant started, boolean finished, List<Cell> cells, Map<String, String> gates) {
    }

    private final Deque<Live> runs = new ArrayDeque<>();

    /** A run starts with all its units pending. */
    Live started(String releaseId, Instant started, List<List<ReleasePlan.TargetPlan>> waves) {
        Live live = new Live(releaseId, started);
        waves.forEach(wave -> wave.forEach(target -> target.units().forEach(unit -> live.set(unit, State.PENDING, null))));
        synchronized (runs) {
            runs.addFirst(live);
            if (runs.size() > KEPT) {
                runs.removeLast();
            }
        }
        return live;
    }

    /** The runs, the latest first. */
    public List<Run> runs() {
        synchronized (runs) {
            return runs.stream().map(Live::snapshot).toList();
        }
    }

    /** A run as it goes: written by the runner's threads, read by pages. */
    static final class Live {
        private final String releaseId;
        private final Instant started;
        private final Map<ReleaseUnit, Cell> cells = new ConcurrentHashMap<>();
        private final List<ReleaseUnit> order = new ArrayList<>();
        private final Map<String, String> gates = new ConcurrentHashMap<>();
        private volatile boolean finished;

        private Live(String releaseId, Instant started) {
            this.releaseId = releaseId;
            this.started = started;
        }

        void set(ReleaseUnit unit, State state, String detail) {
            synchronized (order) {
                if (!cells.containsKey(unit)) {
                    order.add(unit);
                }
            }
            String row = unit.wave() + " | " + unit.target().describe() + (unit.company() == null ? "" : "/" + unit.company());
            cells.put(unit, new Cell(row, unit.step().number(), unit.step().kind() + " " + unit.step().path(), state, detail));
        }

        void ended(UnitResult result) {
            set(result.unit(), State.valueOf(result.outcome().name()), result.detail());
        }

        void gate(String wave, String state) {
            gates.put(wave, state);
        }

        void finished() {
            finished = true;
        }

        private Run snapshot() {
            List<Cell> list;
            synchronized (order) {
                list = order.stream().map(cells::get).toList();
            }
            return new Run(releaseId, started, finished, list, new LinkedHashMap<>(gates));
        }
    }
}
