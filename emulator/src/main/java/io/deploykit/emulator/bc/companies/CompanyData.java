package io.deploykit.emulator.bc.companies;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.deploykit.emulator.bc.odata.ODataErrors;
import io.deploykit.emulator.bc.packages.PackageRegistry;
import io.deploykit.emulator.bc.pictures.ParentRecord;
import io.deploykit.emulator.bc.pictures.ParentType;

/** A company and what it holds: configuration packages, and the records that can have pictures. */
public final class CompanyData {

    private final Company company;
    private final String environment;
    private final Instant created = Instant.now();
    private final PackageRegistry packages = new PackageRegistry();
    private final Map<ParentType, List<ParentRecord>> parents;

    /** @param parents the records of each type, in number order; fixed from now on */
    CompanyData(Company company, String environment, Map<ParentType, List<ParentRecord>> parents) {
        this.company = company;
        this.environment = environment;
        this.parents = Map.copyOf(parents);
    }

    public Company company() {
        return company;
    }

    /** The environment that holds it: its background jobs share that environment's scheduled-task slots. */
    public String environment() {
        return environment;
    }

    Instant created() {
        return created;
    }

    public PackageRegistry packages() {
        return packages;
    }

    public List<ParentRecord> parents(ParentType type) {
        return parents.getOrDefault(type, List.of());
    }

    public ParentRecord requireParent(ParentType type, String id) {
        return parents(type).stream().filter(parent -> parent.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> ODataErrors.notFound("The " + type.typeName + " with id " + id
                                                         + " does not exist in company " + company.name()));
    }

    public Optional<ParentRecord> parentByNumber(ParentType type, String number) {
        return parents(type).stream().filter(parent -> parent.number().equalsIgnoreCase(number)).findFirst();
    }
}
