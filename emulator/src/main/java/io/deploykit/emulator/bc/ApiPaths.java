package io.deploykit.emulator.bc;

/** The APIs under a service root, and the paths of their entity sets as route templates. */
final class ApiPaths {

    static final String AUTOMATION = "/api/microsoft/automation/v2.0";
    static final String STANDARD = "/api/v2.0";
    static final String COMPANY = "/companies({company})";
    static final String PACKAGES = AUTOMATION + COMPANY + "/configurationPackages";
    static final String PACKAGE = PACKAGES + "({package})";
    static final String PACKAGE_FILE = PACKAGE + "/file('{code}')";
    static final String PARENTS = STANDARD + COMPANY + "/{parents:items|customers|vendors|employees|contacts}";
    static final String PARENT = PARENTS + "({parent})";

    private ApiPaths() {
    }
}
