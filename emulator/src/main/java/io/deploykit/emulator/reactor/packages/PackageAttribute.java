package io.deploykit.emulator.reactor.packages;

import java.util.Optional;
import java.util.function.Function;

import io.deploykit.emulator.reactor.manifest.Semver;

/** The attributes a list can be filtered and sorted by, with their values as the API shows them. */
enum PackageAttribute {
    NAME("name", PackageState::name),
    DISPLAY_NAME("display_name", pkg -> pkg.manifest() == null ? null : pkg.manifest().text("displayName")),
    VERSION("version", PackageState::version) {
        @Override
        int compare(String a, String b) {
            Optional<Semver> left = Semver.parse(a);
            Optional<Semver> right = Semver.parse(b);
            return left.isPresent() && right.isPresent() ? left.get().compareTo(right.get()) : a.compareTo(b);
        }
    },
    PLATFORM("platform", PackageState::platform),
    AVAILABILITY("availability", pkg -> pkg.availability().apiName()),
    STATUS("status", pkg -> pkg.status().apiName()),
    DISCONTINUED("discontinued", pkg -> Boolean.toString(pkg.discontinued())),
    OWNER_ORG_ID("owner_org_id", PackageState::ownerOrgId),
    // the timestamps' fixed format sorts as text in time order
    CREATED_AT("created_at", pkg -> Timestamps.format(pkg.createdAt())),
    UPDATED_AT("updated_at", pkg -> Timestamps.format(pkg.updatedAt()));

    private final String apiName;
    private final Function<PackageState, String> value;

    PackageAttribute(String apiName, Function<PackageState, String> value) {
        this.apiName = apiName;
        this.value = value;
    }

    /** The attribute with this API name, such as {@code display_name}. */
    static Optional<PackageAttribute> named(String apiName) {
        for (PackageAttribute attribute : values()) {
            if (attribute.apiName.equals(apiName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** The package's value of this attribute, as text; null when it has none. */
    String valueOf(PackageState pkg) {
        return value.apply(pkg);
    }

    /** Orders two non-null values of this attribute. */
    int compare(String a, String b) {
        return a.compareTo(b);
    }
}
