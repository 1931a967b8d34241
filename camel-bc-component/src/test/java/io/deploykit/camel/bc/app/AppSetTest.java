package io.deploykit.camel.bc.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppSetTest {

    private static final String BASE = "437dbf0e-84ff-417a-965d-ed2bb9650972";
    private static final Map<String, AppVersion> INSTALLED = Map.of(BASE, AppVersion.parse("27.1.0.0"));

    @Test
    void appsComeAfterTheAppsOfTheSetTheyNeed() {
        AppManifest lib = app("a1", "Lib", "1.0.0.0");
        AppManifest mid = app("a2", "Mid", "1.0.0.0", dep("a1", "Lib", "1.0.0.0"));
        AppManifest top = app("a3", "Top", "1.0.0.0", dep("a2", "Mid", "1.0.0.0"), dep("a1", "Lib", "1.0.0.0"));

        List<String> order = AppSet.order(List.of(member(top), member(mid), member(lib)), INSTALLED).stream()
                .map(m -> m.manifest().name()).toList();

        assertEquals(List.of("Lib", "Mid", "Top"), order);
    }

    @Test
    void aCycleIsRefusedNamingIt() {
        AppManifest a = app("a1", "A", "1.0.0.0", dep("a2", "B", "1.0.0.0"));
        AppManifest b = app("a2", "B", "1.0.0.0", dep("a1", "A", "1.0.0.0"));

        InvalidAppException e = assertThrows(InvalidAppException.class,
                () -> AppSet.order(List.of(member(a), member(b)), INSTALLED));

        assertTrue(e.getMessage().contains("cycle: A -> B -> A"), e.getMessage());
    }

    @Test
    void aDependencyNeitherGivenNorInstalledAtItsVersionIsRefused() {
        AppManifest old = app("a1", "Lib", "1.0.0.0");
        AppManifest needs = app("a2", "User", "1.0.0.0", dep("a1", "Lib", "2.0.0.0"));
        AppManifest newBase = app("a3", "Other", "1.0.0.0", dep(BASE, "Base Application", "28.0.0.0"));

        InvalidAppException set = assertThrows(InvalidAppException.class,
                () -> AppSet.order(List.of(member(old), member(needs)), INSTALLED));
        InvalidAppException installed = assertThrows(InvalidAppException.class,
                () -> AppSet.order(List.of(member(newBase)), INSTALLED));

        assertTrue(set.getMessage().contains("Lib by Contoso 2.0.0.0") && set.getMessage().contains("it has 1.0.0.0"),
                set.getMessage());
        assertTrue(installed.getMessage().contains("27.1.0.0 is"), installed.getMessage());
    }

    @Test
    void twoFilesOfOneAppAreRefused() {
        assertThrows(InvalidAppException.class, () -> AppSet.order(List.of(member(app("a1", "X", "1.0.0.0")),
                member(app("a1", "X", "2.0.0.0"))), INSTALLED));
    }

    private static AppSet.Member<String> member(AppManifest app) {
        return new AppSet.Member<>(app.name(), app);
    }

    private static AppManifest app(String id, String name, String version, AppManifest.Dependency... dependencies) {
        return new AppManifest(id, name, "Contoso", AppVersion.parse(version), List.of(dependencies));
    }

    private static AppManifest.Dependency dep(String id, String name, String minVersion) {
        return new AppManifest.Dependency(id, name, "Contoso", AppVersion.parse(minVersion));
    }
}
