package dev.camelspark.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The support packages import each other in one direction only (the README's design diagram): {@code task} on top
 * (the shared producers and consumer of paid tasks), then the root package (component, endpoint and configuration
 * bases, the provider descriptor), then the transport pieces ({@code sse}, {@code media} over {@code http}), with
 * {@code error} at the bottom.
 */
@AnalyzeClasses(packages = "dev.camelspark.support", importOptions = {ImportOption.DoNotIncludeTests.class,
        ImportOption.DoNotIncludeJars.class})
class PackageStructureTest {

    /** Every package is a slice, the root package (the slice "support") included. */
    @ArchTest
    static final ArchRule NO_IMPORT_CIRCLES = slices().matching("dev.camelspark.(**)").namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("task").definedBy("dev.camelspark.support.task..")
            .layer("support").definedBy("dev.camelspark.support")
            .layer("observe").definedBy("dev.camelspark.support.observe..")
            .layer("sse").definedBy("dev.camelspark.support.sse..")
            .layer("media").definedBy("dev.camelspark.support.media..")
            .layer("http").definedBy("dev.camelspark.support.http..")
            .layer("error").definedBy("dev.camelspark.support.error..")
            .whereLayer("task").mayNotBeAccessedByAnyLayer()
            .whereLayer("support").mayOnlyBeAccessedByLayers("task")
            .whereLayer("observe").mayOnlyBeAccessedByLayers("support", "task")
            .whereLayer("sse").mayOnlyBeAccessedByLayers("support", "task", "observe")
            .whereLayer("media").mayOnlyBeAccessedByLayers("support", "task")
            .whereLayer("http").mayOnlyBeAccessedByLayers("support", "task", "observe", "sse", "media")
            .whereLayer("error").mayOnlyBeAccessedByLayers("support", "task", "observe", "sse", "media", "http");
}
