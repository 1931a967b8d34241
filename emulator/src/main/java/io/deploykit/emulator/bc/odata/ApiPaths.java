package io.deploykit.emulator.bc.odata;

/** The APIs under a service root, and the paths of their entity sets as route templates. */
public final class ApiPaths {

    public static final String AUTOMATION = "/api/microsoft/automation/v2.0";
    public static final String STANDARD = "/api/v2.0";
    public static final String COMPANY = "/companies({company})";
    public static final String PACKAGES = AUTOMATION + COMPANY + "/configurationPackages";
    public static final String PACKAGE = PACKAGES + "({package})";
    public static final String PACKAGE_FILE = PACKAGE + "/file('{code}')";
    public static final String PARENTS = STANDARD + COMPANY + "/{parents:items|customers|vendors|employees|contacts}";
    public static final String PARENT = PARENTS + "({parent})";

    private ApiPaths() {
    }
}
