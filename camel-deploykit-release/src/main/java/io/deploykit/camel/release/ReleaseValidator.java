package io.deploykit.camel.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.deploykit.camel.bc.BcFiles;
import io.deploykit.camel.bc.app.AppFiles;
import io.deploykit.camel.bc.app.AppManifest;
import io.deploykit.camel.bc.app.AppSet;
import io.deploykit.camel.bc.app.AppVersion;
import io.deploykit.camel.core.body.UploadBody;
import io.deploykit.camel.core.error.DeployKitException;
import io.deploykit.camel.reactor.ReactorFiles;
import io.deploykit.camel.release.manifest.ManifestReader;
import io.deploykit.camel.release.manifest.ReleaseManifest;
import io.deploykit.camel.release.manifest.ReleaseStep;
import io.deploykit.camel.release.manifest.ReleaseTarget;
import io.deploykit.camel.release.manifest.ReleaseWave;

/**
 * Checks a whole release before its first request and reports every problem at once: the manifest's shape, each
 * step's files (readable, within the services' limits, what they claim to be: package codes of at most 20 characters
 * that match the manifest, apps whose dependencies can be ordered, pictures that are pictures, extension zips with
 * their manifest), and targets named twice. The files are read as the producers read them (bounded, no DTDs).
 */
public final class ReleaseValidator {

    /** Business Central's limit on a request body, and so on a package or a picture. */
    static final long MAX_FILE_BYTES = 350L * 1024 * 1024;
    private static final Pattern PICTURE = Pattern.compile("([^.]+)\\.(png|jpe?g|gif|bmp|tiff?)", Pattern.CASE_INSENSITIVE);

    private final ReleaseBundle bundle;
    private final List<String> problems = new ArrayList<>();

    private ReleaseValidator(ReleaseBundle bundle) {
        this.bundle = bundle;
    }

    /** @throws InvalidReleaseException naming every problem found */
    public static ValidRelease validate(ReleaseBundle bundle) {
        return new ReleaseValidator(bundle).run();
    }

    private ValidRelease run() {
        ReleaseManifest manifest = ManifestReader.parse(bundle.manifestBytes(), problems);
        Map<Integer, List<Path>> files = new LinkedHashMap<>();
        Map<String, Integer> packageCodes = new HashMap<>();
        for (ReleaseStep step : manifest.steps()) {
            if (step.path() == null) {
                continue; // its path was named as a problem already
            }
            List<Path> stepFiles = switch (step.kind()) {
                case app -> apps(step);
                case configurationPackage -> configurationPackage(step, packageCodes);
                case pictures -> pictures(step);
                case extension -> extension(step);
            };
            files.put(step.number(), stepFiles);
        }
        targetsOnce(manifest.waves());
        if (!problems.isEmpty()) {
            throw new InvalidReleaseException(manifest.id() == null ? bundle.name() : manifest.id(), problems);
        }
        return new ValidRelease(bundle, manifest, Map.copyOf(files));
    }

    private List<Path> apps(ReleaseStep step) {
        Path path = existing(step);
        if (path == null) {
            return List.of();
        }
        List<Path> found = Files.isDirectory(path) ? list(path, step, name -> name.endsWith(".app")) : List.of(path);
        if (found.isEmpty()) {
            problems.add(where(step) + ": the folder holds no .app file");
        }
        List<AppSet.Member<Path>> members = new ArrayList<>();
        for (Path file : found) {
            AppManifest app = check(step, file, () -> AppFiles.read(UploadBody.ofFile(file)));
            if (app != null) {
                members.add(new AppSet.Member<>(file, app));
            }
        }
        // a dependency outside the release is the environment's to have: checked against it when the release runs
        Map<String, AppVersion> assumed = new HashMap<>();
        members.forEach(member -> member.manifest().dependencies().forEach(dependency -> {
            if (members.stream().noneMatch(other -> other.manifest().id().equalsIgnoreCase(dependency.id()))) {
                assumed.put(dependency.id(), dependency.minVersion());
            }
        }));
        List<AppSet.Member<Path>> ordered = check(step, path, () -> AppSet.order(members, assumed));
        return ordered == null ? List.of() : ordered.stream().map(AppSet.Member::file).toList();
    }

    private List<Path> configurationPackage(ReleaseStep step, Map<String, Integer> packageCodes) {
        Path file = existingFile(step);
        if (file == null) {
            return List.of();
        }
        String code = check(step, file, () -> BcFiles.packageCode(UploadBody.ofFile(file)));
        if (code == null) {
            return List.of();
        }
        if (code.length() > 20) {
            problems.add(where(step) + ": its package code '" + code + "' has " + code.length()
                         + " characters; Business Central allows 20");
        }
        if (step.code() != null && !step.code().equals(code)) {
            problems.add(where(step) + ": the file carries package code '" + code + "', the manifest says '"
                         + step.code() + "'");
        }
        Integer earlier = packageCodes.putIfAbsent(code, step.number());
        if (earlier != null) {
            problems.add(where(step) + ": package code '" + code + "' is deployed by step " + earlier
                         + " already (one package per code and company)");
        }
        return List.of(file);
    }

    private List<Path> pictures(ReleaseStep step) {
        Path folder = existing(step);
        if (folder == null) {
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            problems.add(where(step) + ": must be a folder of <number>.<ext> pictures");
            return List.of();
        }
        List<Path> files = list(folder, step, name -> true);
        if (files.isEmpty()) {
            problems.add(where(step) + ": the folder holds no picture");
        }
        List<Path> pictures = new ArrayList<>();
        for (Path file : files) {
            if (!PICTURE.matcher(file.getFileName().toString()).matches()) {
                problems.add(where(step) + ": '" + file.getFileName() + "' is not named <number>.<png|jpg|jpeg|gif|bmp|tif>");
            } else if (sized(step, file) && check(step, file, () -> BcFiles.pictureType(UploadBody.ofFile(file))) != null) {
                pictures.add(file);
            }
        }
        return pictures;
    }

    private List<Path> extension(ReleaseStep step) {
        Path file = existingFile(step);
        if (file == null || check(step, file, () -> ReactorFiles.describeExtension(UploadBody.ofFile(file))) == null) {
            return List.of();
        }
        return List.of(file);
    }

    /** A company (or an environment, for apps) targeted twice would be deployed to twice. */
    private void targetsOnce(List<ReleaseWave> waves) {
        Map<String, String> seen = new HashMap<>();
        for (ReleaseWave wave : waves) {
            for (ReleaseTarget target : wave.targets()) {
                if (target.environment() == null) {
                    continue;
                }
                List<String> keys = target.allCompanies() ? List.of("*")
                        : target.companies().stream().map(String::toLowerCase).toList();
                for (String company : keys) {
                    String key = target.connection() + "/" + target.environment() + "/" + company;
                    String other = seen.put(key, wave.name());
                    if (other != null || seen.containsKey(target.connection() + "/" + target.environment() + "/*")
                                         && !company.equals("*")) {
                        problems.add("wave " + wave.name() + ": " + target.describe() + " company '" + company
                                     + "' is targeted " + (other == null ? "by 'all' too" : "in wave " + other + " too")
                                     + " (each step runs once per company)");
                    }
                }
            }
        }
    }

    private Path existing(ReleaseStep step) {
        Path path = bundle.resolve(step.path());
        if (!Files.exists(path)) {
            problems.add(where(step) + ": no such file or folder in the release");
            return null;
        }
        return path;
    }

    private Path existingFile(ReleaseStep step) {
        Path path = existing(step);
        if (path != null && !Files.isRegularFile(path)) {
            problems.add(where(step) + ": must be a file");
            return null;
        }
        return path != null && sized(step, path) ? path : null;
    }

    private boolean sized(ReleaseStep step, Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(where(step) + ": '" + bundle.root().relativize(file) + "' has " + size
                             + " bytes, more than the 350 MB Business Central takes in a request");
                return false;
            }
            return true;
        } catch (IOException e) {
            problems.add(where(step) + ": cannot read '" + bundle.root().relativize(file) + "': " + e.getMessage());
            return false;
        }
    }

    private List<Path> list(Path folder, ReleaseStep step, java.util.function.Predicate<String> wanted) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(f -> wanted.test(f.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(where(step) + ": cannot list the folder: " + e.getMessage());
            return List.of();
        }
    }

    /** The check's answer, or null with its failure recorded as a problem of the step. */
    private <T> T check(ReleaseStep step, Path file, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (DeployKitException e) {
            problems.add(where(step) + ": " + bundle.root().relativize(file) + ": " + e.getMessage());
            return null;
        }
    }

    private static String where(ReleaseStep step) {
        return "step " + step.describe();
    }
}
