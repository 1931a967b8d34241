/**
 * The OData v4 protocol of Business Central's APIs: the API paths, entity types, query options ($filter,
 * $select, $orderby, $top, $skip, $count), server-driven paging, ETags and If-Match, and OData error documents.
 */
package io.deploykit.emulator.bc.odata;
