package io.deploykit.emulator.bc.packages;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.deploykit.emulator.bc.odata.ODataErrors;

/**
 * The editable properties of a configuration package sent in a POST or PATCH; null where the body left one out.
 * The code is trimmed and upper-cased, as Business Central stores a Code field.
 */
record PackageInput(String code, String packageName, Integer languageId, String productVersion,
                    Integer processingOrder, Boolean excludeConfigurationTables) {

    private static final int CODE_LENGTH = 20;
    private static final int PACKAGE_NAME_LENGTH = 50;
    private static final int PRODUCT_VERSION_LENGTH = 248;

    /** Shown by GET but set by the server: a client that sends them back gets them ignored. */
    private static final Set<String> READ_ONLY = Set.of("id", "numberOfTables", "numberOfRecords", "numberOfErrors",
            "importStatus", "importError", "applyStatus", "applyError");

    static PackageInput from(ObjectNode json) {
        for (Map.Entry<String, JsonNode> property : json.properties()) {
            String name = property.getKey();
            if (!name.startsWith("@odata.") && !READ_ONLY.contains(name) && !editable(name)) {
                throw ODataErrors.badRequest("The property '" + name + "' does not exist on type "
                                             + "'Microsoft.NAV.configurationPackage'");
            }
        }
        return new PackageInput(code(json), text(json, "packageName", PACKAGE_NAME_LENGTH),
                integer(json, "languageId"), text(json, "productVersion", PRODUCT_VERSION_LENGTH),
                integer(json, "processingOrder"), bool(json, "excludeConfigurationTables"));
    }

    private static boolean editable(String name) {
        return switch (name) {
            case "code", "packageName", "languageId", "productVersion", "processingOrder",
                 "excludeConfigurationTables" -> true;
            default -> false;
        };
    }

    private static String code(ObjectNode json) {
        String code = text(json, "code", Integer.MAX_VALUE);
        if (code == null) {
            return null;
        }
        code = code.trim().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw ODataErrors.badRequest("Code must have a value in Config. Package: it cannot be blank");
        }
        if (code.length() > CODE_LENGTH) {
            throw ODataErrors.badRequest("The length of the string is " + code.length() + ", but it must be less than "
                                         + "or equal to " + CODE_LENGTH + " characters. Value: " + code);
        }
        return code;
    }

    private static String text(ObjectNode json, String name, int maxLength) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ODataErrors.badRequest("The property '" + name + "' must be a string");
        }
        if (value.asText().length() > maxLength) {
            throw ODataErrors.badRequest("The length of the string is " + value.asText().length() + ", but it must be "
                                         + "less than or equal to " + maxLength + " characters. Value: "
                                         + value.asText());
        }
        return value.asText();
    }

    private static Integer integer(ObjectNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw ODataErrors.badRequest("The property '" + name + "' must be an integer");
        }
        return value.intValue();
    }

    private static Boolean bool(ObjectNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ODataErrors.badRequest("The property '" + name + "' must be true or false");
        }
        return value.booleanValue();
    }
}
