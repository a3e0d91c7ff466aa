package dev.wasmcore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of DESIGN.md one-way:
 *
 * <pre>
 * binary  &lt;- wasm &lt;- coredump
 * binary  &lt;- dwarf
 * {wasm, coredump, dwarf} &lt;- symbolize
 * symbolize &lt;- inspect &lt;- dap
 * inspect &lt;- cli
 * </pre>
 *
 * and lsp4j confined to the protocol edge.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.wasmcore");
  }

  private static void check(String layer, String... forbidden) {
    ArchRule rule = noClasses().that().resideInAPackage("dev.wasmcore." + layer + "..")
        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
        .allowEmptyShould(true);
    rule.check(classes);
  }

  @Test
  void binaryDependsOnNothingAbove() {
    check("binary", "dev.wasmcore.wasm..", "dev.wasmcore.coredump..", "dev.wasmcore.dwarf..",
        "dev.wasmcore.symbolize..", "dev.wasmcore.inspect..", "dev.wasmcore.dap..", "dev.wasmcore.cli..");
  }

  @Test
  void wasmDependsOnlyOnBinary() {
    check("wasm", "dev.wasmcore.coredump..", "dev.wasmcore.dwarf..", "dev.wasmcore.symbolize..",
        "dev.wasmcore.inspect..", "dev.wasmcore.dap..", "dev.wasmcore.cli..");
  }

  @Test
  void coredumpDependsOnlyOnBinaryAndWasm() {
    check("coredump", "dev.wasmcore.dwarf..", "dev.wasmcore.symbolize..", "dev.wasmcore.inspect..",
        "dev.wasmcore.dap..", "dev.wasmcore.cli..");
  }

  @Test
  void dwarfDependsOnlyOnBinary() {
    check("dwarf", "dev.wasmcore.wasm..", "dev.wasmcore.coredump..", "dev.wasmcore.symbolize..",
        "dev.wasmcore.inspect..", "dev.wasmcore.dap..", "dev.wasmcore.cli..");
  }

  @Test
  void symbolizeDoesNotReachUp() {
    check("symbolize", "dev.wasmcore.inspect..", "dev.wasmcore.dap..", "dev.wasmcore.cli..");
  }

  @Test
  void inspectDoesNotKnowTheProtocolOrTheCli() {
    check("inspect", "dev.wasmcore.dap..", "dev.wasmcore.cli..", "org.eclipse.lsp4j..");
  }

  @Test
  void dapSeesOnlyTheInspectionModel() {
    check("dap", "dev.wasmcore.wasm..", "dev.wasmcore.coredump..", "dev.wasmcore.dwarf..",
        "dev.wasmcore.symbolize..", "dev.wasmcore.cli..");
  }

  @Test
  void lsp4jOnlyAtTheProtocolEdge() {
    ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.wasmcore.dap..")
        .should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..");
    rule.check(classes);
  }
}
