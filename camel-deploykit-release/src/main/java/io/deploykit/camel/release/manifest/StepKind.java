package io.deploykit.camel.release.manifest;

/**
 * What a step deploys, named as in {@code release.yaml}, and the scope its service gives it: the step runs once per
 * scope of each target.
 */
public enum StepKind {
    /** One {@code .app} file or a folder of them, in dependency order: once per environment. */
    app(Scope.ENVIRONMENT),
    /** One RapidStart file: once per company, in the listed order. */
    configurationPackage(Scope.COMPANY),
    /** A folder of {@code <number>.<ext>} pictures of one parent type: once per company. */
    pictures(Scope.COMPANY),
    /** One Tags extension package zip: once per release (upload, then release to private if asked). */
    extension(Scope.RELEASE);

    /** Where a step's effect lives, and so how often it runs. */
    public enum Scope {
        RELEASE, ENVIRONMENT, COMPANY
    }

    private final Scope scope;

    StepKind(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }
}
