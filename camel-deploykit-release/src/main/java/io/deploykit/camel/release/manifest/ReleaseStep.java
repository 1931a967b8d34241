package io.deploykit.camel.release.manifest;

/**
 * One step of a release, in the manifest's order.
 *
 * @param number         its position, from 1, as reports name it
 * @param kind           what it deploys
 * @param path           the file or folder in the bundle, relative to its root
 * @param code           for a configuration package, the code the file must carry (null: the file's own)
 * @param parentType     for pictures, whose pictures they are ({@code items}, {@code customers}, ...)
 * @param releasePrivate for an extension, whether it is released to private once processed
 * @param connection     the name of the Camel component to deploy with ({@code bc} or {@code reactor} by default)
 */
public record ReleaseStep(int number, StepKind kind, String path, String code, String parentType,
                          boolean releasePrivate, String connection) {

    /** {@code 2 configurationPackage packages/SETUP.rapidstart}, as logs and reports name it. */
    public String describe() {
        return number + " " + kind + " " + path;
    }
}
