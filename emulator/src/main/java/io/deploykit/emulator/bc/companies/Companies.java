package io.deploykit.emulator.bc.companies;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.deploykit.emulator.bc.odata.ODataErrors;

/** The companies of the emulated environment, in name order. */
public final class Companies {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<CompanyData> all;

    Companies(List<CompanyData> all) {
        this.all = List.copyOf(all);
    }

    public List<CompanyData> all() {
        return all;
    }

    /** The company with this id: 400 when the key is not a GUID, 404 when no company has it. */
    public CompanyData require(String id) {
        requireGuid(id);
        return all.stream().filter(company -> company.company().id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> ODataErrors.notFound("The company with id " + id + " does not exist"));
    }

    public Optional<CompanyData> byName(String name) {
        return all.stream().filter(company -> company.company().name().equals(name)).findFirst();
    }

    /** Entity keys of the API are GUIDs; anything else is a malformed request, not a missing entity. */
    public static void requireGuid(String key) {
        if (!GUID.matcher(key).matches()) {
            throw ODataErrors.badRequest("The key '" + key + "' is not a valid GUID");
        }
    }
}
