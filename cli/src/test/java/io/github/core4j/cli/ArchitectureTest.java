package io.github.core4j.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of {@code shared/design.md}: arrows point only downwards (btf ← elf ← reloc
 * ← runtime; skeleton uses elf and btf; only the cli and the Maven plugin sit on top), and no
 * package cycles anywhere. The cli module sees every other module, so the rules are checked here.
 */
@AnalyzeClasses(packages = "io.github.core4j", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String BTF = "io.github.core4j.btf..";
  private static final String ELF = "io.github.core4j.elf..";
  private static final String RELOC = "io.github.core4j.reloc..";
  private static final String SKELETON = "io.github.core4j.skeleton..";
  private static final String RUNTIME = "io.github.core4j.runtime..";
  private static final String CLI = "io.github.core4j.cli..";
  private static final String MAVEN = "io.github.core4j.maven..";

  @ArchTest
  static final ArchRule btfKnowsNothingAbove =
      noClasses()
          .that()
          .resideInAPackage(BTF)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ELF, RELOC, SKELETON, RUNTIME, CLI, MAVEN);

  @ArchTest
  static final ArchRule elfKnowsOnlyBtf =
      noClasses()
          .that()
          .resideInAPackage(ELF)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(RELOC, SKELETON, RUNTIME, CLI, MAVEN)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule relocKnowsNoLoaderOrTools =
      noClasses()
          .that()
          .resideInAPackage(RELOC)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SKELETON, RUNTIME, CLI, MAVEN)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule skeletonGeneratorDoesNotLoad =
      noClasses()
          .that()
          .resideInAPackage(SKELETON)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(RELOC, RUNTIME, CLI, MAVEN)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule runtimeIsNotATool =
      noClasses()
          .that()
          .resideInAPackage(RUNTIME)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SKELETON, CLI, MAVEN)
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule btfModelDoesNotUseItsTools =
      noClasses()
          .that()
          .resideInAPackage("io.github.core4j.btf")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.github.core4j.btf.dump..",
              "io.github.core4j.btf.write..",
              "io.github.core4j.btf.source..");

  @ArchTest
  static final ArchRule noModuleCycles =
      slices().matching("io.github.core4j.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.github.core4j.(**)").should().beFreeOfCycles();
}
