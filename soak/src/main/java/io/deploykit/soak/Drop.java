package io.deploykit.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One file dropped into the inbox, what the harness expects of it, and what became of it. Every drop has content of
 * its own (its SHA-256 names it on the services' side); only pictures share names ({@code <item number>.png}), one
 * at a time in the inbox.
 */
final class Drop {

    /** The kinds of file, by inbox folder. */
    enum Kind {
        RAPIDSTART("rapidstart", "RapidStart packages"),
        PICTURE("pictures", "item pictures"),
        EXTENSION("extensions", "extension zips"),
        APP("apps", "apps (per-tenant extensions)"),
        RELEASE("releases", "releases (zips)");

        final String folder;
        final String label;

        Kind(String folder, String label) {
            this.folder = folder;
            this.label = label;
        }
    }

    /** What the harness made happen to it. */
    enum Expected {
        /** Nothing aimed at this file: it should be deployed. */
        DONE,
        /** Its package's apply ends in Error ({@code BcFaults.applyFailure}): it must go to .error. */
        APPLY_FAILURE,
        /** Its package's jobs stay Scheduled past the bc: timeout ({@code BcFaults.stickJobsOf}): .error. */
        JOB_TIMEOUT
    }

    /** Where it ended up. */
    enum Outcome {
        DONE, ERROR,
        /** It left the inbox, yet is in neither .done nor .error (or in both). */
        LOST
    }

    final int seq;
    final Kind kind;
    final String name;
    /** The package code, the item number, the extension name, the app id, or the release's package codes' stem. */
    final String key;
    final String sha256;
    final Expected expected;
    final Instant droppedAt;
    /** Whether its jobs are held for a while (less than the timeout): a long deploy for a kill or a stop to hit. */
    final boolean held;
    /** A release's configuration packages, in order: code to the SHA-256 of its file; empty for other kinds. */
    final java.util.Map<String, String> releasePackages;

    private volatile Instant departedAt;
    private volatile Outcome outcome;
    private volatile String outcomeDetail;
    private volatile String reason;
    private volatile boolean noteMissing;
    private volatile Path settledIn;

    Drop(int seq, Kind kind, String name, String key, String sha256, Expected expected, Instant droppedAt,
         boolean held) {
        this(seq, kind, name, key, sha256, expected, droppedAt, held, java.util.Map.of());
    }

    Drop(int seq, Kind kind, String name, String key, String sha256, Expected expected, Instant droppedAt,
         boolean held, java.util.Map<String, String> releasePackages) {
        this.releasePackages = releasePackages;
        this.seq = seq;
        this.kind = kind;
        this.name = name;
        this.key = key;
        this.sha256 = sha256;
        this.expected = expected;
        this.droppedAt = droppedAt;
        this.held = held;
    }

    Path inInbox(Path inbox) {
        return inbox.resolve(kind.folder).resolve(name);
    }

    Path inDone(Path inbox) {
        return inbox.resolve(kind.folder).resolve(".done").resolve(name);
    }

    Path inError(Path inbox) {
        return inbox.resolve(kind.folder).resolve(".error").resolve(name);
    }

    /**
     * Records where it went once it left the inbox, and the file it became there ({@code name}, or
     * {@code name.<UTC time>} when an earlier file had the name); the harness drops no file of the same name before.
     */
    void departed(Instant at, Outcome where, String detail, String failureReason, boolean withoutNote, Path file) {
        this.settledIn = file;
        this.outcomeDetail = detail;
        this.reason = failureReason;
        this.noteMissing = withoutNote;
        this.departedAt = at;
        this.outcome = where; // last: a drop with an outcome is settled
    }

    /** The file it became in .done or .error; null when it was lost. */
    Path settledIn() {
        return settledIn;
    }

    boolean settled() {
        return outcome != null;
    }

    Outcome outcome() {
        return outcome;
    }

    String outcomeDetail() {
        return outcomeDetail;
    }

    /** The Reason line of its failure note, when it went to .error. */
    String reason() {
        return reason;
    }

    boolean noteMissing() {
        return noteMissing;
    }

    /** How long it stayed in the inbox; null while it is there. */
    Duration timeInInbox() {
        return departedAt == null ? null : Duration.between(droppedAt, departedAt);
    }

    String describe() {
        return kind.folder + "/" + name + " (#" + seq + ", " + key + ", sha256 " + sha256.substring(0, 12) + "…)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
