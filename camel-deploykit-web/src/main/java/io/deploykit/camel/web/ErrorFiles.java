package io.deploykit.camel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The files that failed, in each inbox's {@code .error} folder with their notes ({@code <file>.error.txt}).
 * Retry moves a file back into its inbox; Dismiss moves it to {@code .error/.dismissed}; nothing is deleted. Each
 * first claims the file by renaming it to a name of its own in {@code .error}: of two instances (or two clicks) that
 * act on one file, one rename succeeds and the other finds nothing. A retry never replaces a file of the same name
 * in the inbox; the note goes to {@code .error/.retried}, so the next failure writes a fresh one.
 */
final class ErrorFiles {

    static final String NOTE = ".error.txt";
    static final String DISMISSED = ".dismissed";
    static final String RETRIED = ".retried";
    private static final int REASON_LENGTH = 1000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A failed file, its reason from the note, and when it failed. */
    record ErrorFile(String inbox, String name, long size, Instant failedAt, String reason) {
    }

    private final Inboxes inboxes;
    private final Clock clock;

    ErrorFiles(Inboxes inboxes, Clock clock) {
        this.inboxes = inboxes;
        this.clock = clock;
    }

    List<ErrorFile> list() {
        List<ErrorFile> files = new ArrayList<>();
        for (String inbox : inboxes.names()) {
            if (!inboxes.present(inbox)) {
                continue; // nothing of it here to show
            }
            Path errors = inboxes.errors(inbox);
            if (!Files.isDirectory(errors)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(errors)) {
                for (Path file : entries.filter(ErrorFiles::isFailedFile).toList()) {
                    ErrorFile found = read(inbox, file);
                    if (found != null) {
                        files.add(found);
                    }
                }
            } catch (IOException e) {
                throw new ActionRefusedException(500, "Cannot list " + errors + ": " + e.getMessage());
            }
        }
        files.sort(Comparator.comparing(ErrorFile::failedAt).reversed());
        return files;
    }

    private static boolean isFailedFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(NOTE) && !name.endsWith(".report.md")
               && !name.endsWith(".report.json") && Files.isRegularFile(file);
    }

    private static ErrorFile read(String inbox, Path file) {
        try {
            Path note = file.resolveSibling(file.getFileName() + NOTE);
            String reason = Files.exists(note) ? reason(Files.readString(note, StandardCharsets.UTF_8)) : "no note";
            return new ErrorFile(inbox, file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant(), reason);
        } catch (NoSuchFileException gone) {
            return null; // retried or dismissed meanwhile
        } catch (IOException e) {
            return new ErrorFile(inbox, file.getFileName().toString(), -1, Instant.EPOCH, "unreadable: " + e.getMessage());
        }
    }

    /** The note's Reason line (the notes of the file-drop example), else the whole note, shortened. */
    private static String reason(String note) {
        String reason = note.lines().filter(line -> line.startsWith("Reason:")).findFirst()
                .map(line -> line.substring("Reason:".length()).trim()).orElse(note.trim());
        return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH - 3) + "..." : reason;
    }

    /** Moves the file back into its inbox, to be deployed again. */
    void retry(String inbox, String name) {
        Path errors = inboxes.errors(inbox);
        Path target = inboxes.folder(inbox).resolve(FileNames.checked(name));
        if (Files.exists(target)) {
            throw new ActionRefusedException(409, name + " is in the inbox already: it is not replaced");
        }
        Path claimed = claim(errors, name);
        try {
            NoReplaceMove.move(claimed, target);
        } catch (FileAlreadyExistsException e) {
            putBack(claimed, errors.resolve(name));
            throw new ActionRefusedException(409, name + " is in the inbox already: it is not replaced");
        } catch (IOException e) {
            putBack(claimed, errors.resolve(name));
            throw new ActionRefusedException(500, "Cannot move " + name + " back into inbox " + inbox + ": " + e.getMessage());
        }
        archive(errors.resolve(name + NOTE), errors.resolve(RETRIED));
    }

    /** Moves the file and its note to {@code .error/.dismissed}: out of sight, never deleted. */
    void dismiss(String inbox, String name) {
        Path errors = inboxes.errors(inbox);
        Path claimed = claim(errors, FileNames.checked(name));
        Path dismissed = errors.resolve(DISMISSED);
        try {
            moveFree(claimed, dismissed, name);
        } catch (IOException e) {
            putBack(claimed, errors.resolve(name));
            throw new ActionRefusedException(500, "Cannot dismiss " + name + ": " + e.getMessage());
        }
        archive(errors.resolve(name + NOTE), dismissed);
    }

    /** Renames {@code .error/name} to a name of this call's own; refused when it is gone (another took it). */
    private static Path claim(Path errors, String name) {
        Path file = errors.resolve(name);
        Path claimed = errors.resolve(".claimed-" + UUID.randomUUID() + "-" + name);
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
            return claimed;
        } catch (NoSuchFileException gone) {
            throw new ActionRefusedException(404, name + " is no longer in .error of its inbox (retried or dismissed)");
        } catch (IOException e) {
            throw new ActionRefusedException(500, "Cannot take " + name + ": " + e.getMessage());
        }
    }

    private static void putBack(Path claimed, Path original) {
        try {
            Files.move(claimed, original, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ActionRefusedException(500, "Could not put " + original.getFileName() + " back: it is "
                                                  + claimed.getFileName() + " in .error (" + e.getMessage() + ")");
        }
    }

    /** Moves the note, when there is one, into {@code folder}, under a free name. */
    private void archive(Path note, Path folder) {
        try {
            moveFree(note, folder, note.getFileName().toString());
        } catch (NoSuchFileException none) {
            // no note: nothing to keep
        } catch (IOException e) {
            throw new ActionRefusedException(500, "The file was moved, but not its note " + note.getFileName() + ": "
                                                  + e.getMessage());
        }
    }

    /**
     * Moves {@code source} into {@code folder} as {@code name}, or with the UTC time (and a count) when that is
     * taken: never over a file, however many instances act together.
     */
    private void moveFree(Path source, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        String stamped = name + "." + STAMP.format(clock.instant());
        for (int attempt = 1; ; attempt++) {
            Path target = folder.resolve(attempt == 1 ? name : attempt == 2 ? stamped : stamped + "-" + attempt);
            try {
                NoReplaceMove.move(source, target);
                return;
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 100) {
                    throw taken;
                }
            }
        }
    }
}
