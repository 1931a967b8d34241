package io.deploykit.emulator.bc;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The companies a fresh emulator has, each with a few of the records of Business Central's demo data: items 1000,
 * 1001, 1896-S..., customers 10000..., vendors, employees and contacts. Ids derive from the tenant, environment
 * and names, so they are the same on every start.
 */
final class DemoData {

    static final List<String> COMPANY_NAMES = List.of("CRONUS USA, Inc.", "My Company");

    private static final Map<ParentType, List<String[]>> RECORDS = Map.of(
            ParentType.ITEMS, List.of(
                    new String[] {"1000", "Bicycle"},
                    new String[] {"1001", "Touring Bicycle"},
                    new String[] {"1896-S", "ATHENS Desk"},
                    new String[] {"1900-S", "PARIS Guest Chair, black"},
                    new String[] {"1906-S", "ATHENS Mobile Pedestal"}),
            ParentType.CUSTOMERS, List.of(
                    new String[] {"10000", "Adatum Corporation"},
                    new String[] {"20000", "Trey Research"},
                    new String[] {"30000", "School of Fine Art"}),
            ParentType.VENDORS, List.of(
                    new String[] {"10000", "Fabrikam, Inc."},
                    new String[] {"20000", "First Up Consultants"}),
            ParentType.EMPLOYEES, List.of(
                    new String[] {"AH", "Annette Hill"},
                    new String[] {"JO", "Jim Olive"}),
            ParentType.CONTACTS, List.of(
                    new String[] {"CT000001", "Adatum Corporation"},
                    new String[] {"CT000002", "Robert Townes"}));

    private DemoData() {
    }

    static Companies companies(String tenant, String environment) {
        return new Companies(COMPANY_NAMES.stream().map(name -> company(tenant, environment, name)).toList());
    }

    private static CompanyData company(String tenant, String environment, String name) {
        String id = UUID.nameUUIDFromBytes((tenant + "/" + environment + "/" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<ParentType, List<ParentRecord>> parents = new EnumMap<>(ParentType.class);
        RECORDS.forEach((type, records) -> parents.put(type,
                records.stream().map(record -> new ParentRecord(id, type, record[0], record[1])).toList()));
        return new CompanyData(new Company(id, name, name), parents);
    }
}
