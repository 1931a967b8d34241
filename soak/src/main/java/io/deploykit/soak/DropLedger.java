package io.deploykit.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every file dropped, and where each went. A watcher polls the inbox: when a dropped file has left it, the file is
 * looked for, by content, in its folder's {@code .done} and {@code .error} (with its note), before any other file of
 * the same name is dropped. A file keeps its name there, or gets the UTC time of its move appended when an earlier
 * file had the name (pictures, whose names repeat): each is accounted for, and each is claimed by one drop only.
 */
final class DropLedger {

    private final Path inbox;
    private final List<Drop> drops = new CopyOnWriteArrayList<>();
    private final Set<Path> claimed = new HashSet<>();
    private static final Pattern KEPT_BESIDE = Pattern.compile("\\.\\d{8}T\\d{6}\\.\\d{3}Z(-\\d+)?");
    private final Consumer<Drop> onSettled;

    DropLedger(Path inbox, Consumer<Drop> onSettled) {
        this.inbox = inbox;
        this.onSettled = onSettled;
    }

    void add(Drop drop) {
        drops.add(drop);
    }

    List<Drop> all() {
        return List.copyOf(drops);
    }

    List<Drop> unsettled() {
        return drops.stream().filter(drop -> !drop.settled()).toList();
    }

    /** Whether no dropped file of this name is still unsettled: one of that name may be dropped now. */
    boolean nameFree(Drop.Kind kind, String name) {
        return drops.stream().noneMatch(drop -> !drop.settled() && drop.kind == kind && drop.name.equals(name));
    }

    /** Settles the drops that left the inbox since the last poll. */
    synchronized void poll() {
        for (Drop drop : drops) {
            if (!drop.settled() && Files.notExists(drop.inInbox(inbox))) {
                settle(drop);
            }
        }
    }

    private void settle(Drop drop) {
        Instant now = Instant.now();
        Path done = kept(drop.inDone(inbox), drop.sha256);
        Path error = kept(drop.inError(inbox), drop.sha256);
        if ((done == null) == (error == null)) {
            drop.departed(now, Drop.Outcome.LOST, done != null ? "in both .done and .error"
                    : "in neither .done nor .error (.done has " + describe(drop.inDone(inbox)) + ", .error has "
                      + describe(drop.inError(inbox)) + ")", null, false, null);
        } else if (done != null) {
            claimed.add(done);
            drop.departed(now, Drop.Outcome.DONE, null, null, false, done);
        } else {
            claimed.add(error);
            Path note = error.resolveSibling(error.getFileName() + ".error.txt");
            String reason = freshNoteReason(note, drop.droppedAt);
            drop.departed(now, Drop.Outcome.ERROR, null, reason, reason == null, error);
        }
        onSettled.accept(drop);
    }

    /** The file of this content, named as {@code sameName} or kept beside it, that no other drop claimed. */
    private Path kept(Path sameName, String sha256) {
        String name = sameName.getFileName().toString();
        try (Stream<Path> files = Files.list(sameName.getParent())) {
            return files.filter(f -> {
                String other = f.getFileName().toString();
                return other.equals(name) || (other.startsWith(name) && KEPT_BESIDE.matcher(other.substring(name.length())).matches());
            }).filter(f -> !claimed.contains(f) && sha256.equals(Hashes.sha256IfExists(f))).findFirst().orElse(null);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Path file) {
        return Files.exists(file) ? "another file of that name" : "no such file";
    }

    /** The Reason line of a note written after the file was dropped; null when there is none. */
    private static String freshNoteReason(Path note, Instant droppedAt) {
        try {
            if (!Files.isRegularFile(note)) {
                return null;
            }
            FileTime written = Files.getLastModifiedTime(note);
            if (written.toInstant().isBefore(droppedAt.minusSeconds(2))) {
                return null; // the note of an earlier file of the same name
            }
            List<String> lines = Files.readAllLines(note, StandardCharsets.UTF_8);
            return lines.stream().filter(line -> line.startsWith("Reason:"))
                    .map(line -> line.substring("Reason:".length()).strip()).findFirst().orElse("(a note without a reason)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
