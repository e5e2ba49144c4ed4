package dev.camelspark.emulator;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The emulator's packages import each other in one direction only (the README's package diagram): the root package
 * (the public API and what applies it to every request) on top, the control API and the five providers below it,
 * media and core at the bottom.
 */
@AnalyzeClasses(packages = "dev.camelspark.emulator", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class})
class PackageStructureTest {

    private static final String PACKAGE = "dev.camelspark.emulator.";
    private static final String[] PROVIDERS = Stream.of("dynaspark", "sparkgpt", "sparkstream", "sparkdream",
            "neospark").map(p -> PACKAGE + p + "..").toArray(String[]::new);

    /**
     * Every package is a slice, the root package ({@code dev.camelspark.emulator}, the slice "emulator") included:
     * {@code dev.camelspark.emulator.(**)} alone would leave the root out.
     */
    @ArchTest
    static final ArchRule NO_IMPORT_CIRCLES = slices().matching("dev.camelspark.(**)").namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("camel").definedBy("dev.camelspark.emulator.camel..")
            .layer("emulator").definedBy("dev.camelspark.emulator")
            .layer("control").definedBy("dev.camelspark.emulator.control..")
            .layer("providers").definedBy(PROVIDERS)
            .layer("media").definedBy("dev.camelspark.emulator.media..")
            .layer("core").definedBy("dev.camelspark.emulator.core..")
            .whereLayer("camel").mayNotBeAccessedByAnyLayer()
            .whereLayer("emulator").mayOnlyBeAccessedByLayers("camel")
            .whereLayer("control").mayOnlyBeAccessedByLayers("emulator")
            .whereLayer("providers").mayOnlyBeAccessedByLayers("emulator")
            .whereLayer("media").mayOnlyBeAccessedByLayers("emulator", "providers")
            .whereLayer("core").mayOnlyBeAccessedByLayers("emulator", "control", "providers", "media");

    /** One provider's emulation never reaches into another's. */
    @ArchTest
    static final ArchRule PROVIDERS_APART = slices().matching("dev.camelspark.emulator.(*)..").namingSlices("$1")
            .that(DescribedPredicate.describe("are providers",
                    slice -> Arrays.stream(PROVIDERS).anyMatch(p -> p.equals(PACKAGE + slice.getNamePart(1) + ".."))))
            .should().notDependOnEachOther();
}
