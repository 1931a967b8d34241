package io.deploykit.emulator.bc;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.deploykit.emulator.http.HttpError;

/**
 * The configuration packages of one company. Creating, renaming and deleting hold this registry's lock, so that
 * codes stay unique; a package's own lock is only ever taken inside it, never the other way round.
 */
final class PackageRegistry {

    private final Map<String, PackageEntity> byId = new ConcurrentHashMap<>();

    /** The package with this id; 404 when there is none. */
    PackageEntity require(String id) {
        PackageEntity entity = byId.get(id);
        if (entity == null) {
            throw ODataErrors.notFound("The configuration package with id " + id + " does not exist");
        }
        return entity;
    }

    /** The packages in the order of the API's key, their code. */
    List<PackageEntity> all() {
        return byId.values().stream().sorted(Comparator.comparing(PackageEntity::code)).toList();
    }

    synchronized PackageEntity create(PackageInput input) {
        if (input.code() == null) {
            throw ODataErrors.badRequest("Code must have a value in Config. Package: it cannot be blank");
        }
        requireFree(input.code());
        PackageEntity entity = new PackageEntity(input);
        byId.put(entity.id(), entity);
        return entity;
    }

    /** Updates a package after the precondition (an If-Match check) passed. */
    synchronized void update(PackageEntity entity, PackageInput input, Consumer<PackageEntity> precondition) {
        requireMember(entity);
        precondition.accept(entity);
        if (input.code() != null && !input.code().equals(entity.code())) {
            requireFree(input.code());
        }
        entity.update(input);
    }

    /** Removes a package after the precondition (an If-Match check) passed. */
    synchronized void remove(PackageEntity entity, Consumer<PackageEntity> precondition) {
        requireMember(entity);
        precondition.accept(entity);
        byId.remove(entity.id());
        entity.markDeleted();
    }

    private void requireMember(PackageEntity entity) {
        if (byId.get(entity.id()) != entity) {
            throw ODataErrors.notFound("The configuration package with id " + entity.id() + " does not exist");
        }
    }

    private void requireFree(String code) {
        for (PackageEntity other : byId.values()) {
            if (other.code().equals(code)) {
                throw new HttpError(400, "Internal_EntityWithSameKeyExists",
                        "The record in table Config. Package already exists. Identification fields and values: "
                        + "Code='" + code + "'");
            }
        }
    }
}
