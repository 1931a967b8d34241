/**
 * Apps (per-tenant extensions) through the Business Central admin center API, v2.29, on the same host as the v2.0
 * API: {@code /admin/v2.29/applications/BusinessCentral/environments/{environment}/apps...}.
 * <p>
 * Sources: Microsoft's "Business Central admin center API - App management"
 * ({@code dev-itpro/administration/administration-center-api_app_management.md} in
 * MicrosoftDocs/dynamics365smb-devitpro-pb): {@code pteInstall} (multipart: {@code extensionFile} of at most 50 MB,
 * {@code deploymentSchedule}, {@code syncMode}, {@code languageId}, {@code acceptIsvEula} required true,
 * {@code installOrUpdateNeededDependencies}), the operation object, {@code GET apps}, the app's operations,
 * {@code scheduledPteOperations}, {@code removeScheduledPteVersion}, {@code uninstall} and
 * {@code uninstallRequirements}; errors as {@code {code, message, target?, data?}}. The {@code .app} format (a
 * 40-byte NAVX header, then a zip holding {@code NavxManifest.xml}) as read by open-source readers such as jsign's
 * {@code net.jsign.navx}. Our summary: {@code shared/reference/business-central-apps.md}.
 */
package io.deploykit.emulator.bc.apps;
