package io.deploykit.camel.release.run;

import java.util.Optional;

/**
 * How releases are kept in the journal, for whoever reads it (a page): each unit done under operation {@value #UNIT}
 * and key {@code <release>|<scope>|<step number>}, each gate's state under operation {@value #GATE} and key
 * {@code <release>|<wave>}. A release id holds no {@code |} (the manifest's rule), so a key splits without doubt.
 */
public final class ReleaseRecords {

    /** The journal operation of a release's units. */
    public static final String UNIT = "release";
    /** The journal operation of a release's gates. */
    public static final String GATE = "approval";
    /** The step of a gate that waits for its decision. */
    public static final String GATE_WAITING = Approvals.Gate.waiting.name();

    /** A unit's record: which release, scope and step. */
    public record Unit(String releaseId, String scope, int step) {
    }

    /** A gate's record: which release and wave. */
    public record Gate(String releaseId, String wave) {
    }

    private ReleaseRecords() {
    }

    static String unitKey(String releaseId, String scope, int step) {
        return releaseId + "|" + scope + "|" + step;
    }

    /** The key of a gate's record. */
    public static String gateKey(String releaseId, String wave) {
        return releaseId + "|" + wave;
    }

    /** The unit a record names; empty for any other record. */
    public static Optional<Unit> unit(String operation, String key) {
        int first = key.indexOf('|');
        int last = key.lastIndexOf('|');
        if (!UNIT.equals(operation) || first <= 0 || last <= first + 1 || !key.substring(last + 1).matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(new Unit(key.substring(0, first), key.substring(first + 1, last),
                Integer.parseInt(key.substring(last + 1))));
    }

    /** The gate a record names; empty for any other record. */
    public static Optional<Gate> gate(String operation, String key) {
        int first = key.indexOf('|');
        if (!GATE.equals(operation) || first <= 0 || first == key.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Gate(key.substring(0, first), key.substring(first + 1)));
    }
}
