package io.deploykit.emulator.bc.packages;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.deploykit.emulator.bc.odata.ODataErrors;
import io.deploykit.emulator.http.HttpError;

/**
 * The configuration packages of one company. Creating, renaming and deleting hold this registry's lock, so that
 * codes stay unique; a package's own lock is only ever taken inside it, never the other way round.
 */
public final class PackageRegistry {

    private final Map<String, PackageEntity> byId = new ConcurrentHashMap<>();
    /** The same packages by code; changed only under this registry's lock, with {@link #byId}. */
    private final Map<String, PackageEntity> byCode = new ConcurrentHashMap<>();

    /** The package with this id; 404 when there is none. */
    PackageEntity require(String id) {
        PackageEntity entity = byId.get(id);
        if (entity == null) {
            throw ODataErrors.notFound("The configuration package with id " + id + " does not exist");
        }
        return entity;
    }

    /** The package with this code (as stored: upper case), if there is one. */
    Optional<PackageEntity> withCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The packages in the order of the API's key, their code. */
    public List<PackageEntity> all() {
        return byId.values().stream().sorted(Comparator.comparing(PackageEntity::code)).toList();
    }

    synchronized PackageEntity create(PackageInput input) {
        if (input.code() == null) {
            throw ODataErrors.badRequest("Code must have a value in Config. Package: it cannot be blank");
        }
        requireFree(input.code());
        PackageEntity entity = new PackageEntity(input);
        byId.put(entity.id(), entity);
        byCode.put(entity.code(), entity);
        return entity;
    }

    /** Updates a package after the precondition (an If-Match check) passed. */
    synchronized void update(PackageEntity entity, PackageInput input, Consumer<PackageEntity> precondition) {
        requireMember(entity);
        precondition.accept(entity);
        String previous = entity.code();
        if (input.code() != null && !input.code().equals(previous)) {
            requireFree(input.code());
        }
        entity.update(input);
        if (!entity.code().equals(previous)) {
            byCode.remove(previous, entity);
            byCode.put(entity.code(), entity);
        }
    }

    /** Removes a package after the precondition (an If-Match check) passed. */
    synchronized void remove(PackageEntity entity, Consumer<PackageEntity> precondition) {
        requireMember(entity);
        precondition.accept(entity);
        byId.remove(entity.id());
        byCode.remove(entity.code(), entity);
        entity.markDeleted();
    }

    private void requireMember(PackageEntity entity) {
        if (byId.get(entity.id()) != entity) {
            throw ODataErrors.notFound("The configuration package with id " + entity.id() + " does not exist");
        }
    }

    private void requireFree(String code) {
        if (byCode.containsKey(code)) {
            throw new HttpError(400, "Internal_EntityWithSameKeyExists",
                    "The record in table Config. Package already exists. Identification fields and values: "
                    + "Code='" + code + "'");
        }
    }
}
