package dev.wasmcore.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.dwarf.testsupport.WasmDebugSections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The type, variable and scope views on what real compilers emit: the corpus's C program (structs, arrays,
 * typedefs, pointers, a static global), its C++ program (namespaces, classes) and its Rust program (an enum as a
 * variant part). Skipped when the corpus is absent.
 */
class TypesCorpusTest {
  private static DwarfInfo open(String module) {
    String p = System.getProperty("wasmcore.corpus");
    Assumptions.assumeTrue(p != null && Files.isDirectory(Path.of(p, "modules")), "corpus not available");
    return DwarfInfo.open(WasmDebugSections.read(Path.of(p, "modules", module)));
  }

  private static DwarfVariable variable(List<Die> scopes, String name) {
    for (Die s : scopes) {
      for (DwarfVariable v : DwarfVariable.declaredIn(s)) {
        if (name.equals(v.name())) {
          return v;
        }
      }
    }
    return null;
  }

  @Test
  void cStructsArraysTypedefsAndScopes() {
    DwarfInfo d = open("c_dw5_O0.wasm");
    long address = 158; // frame 0 of c_dw5_O0: level3 at crash.c:21
    CompileUnit u = d.unitForAddress(address);
    assertEquals(DwLang.DW_LANG_C11, u.language());
    List<Die> scopes = u.scopesAt(address);
    assertEquals("level3", scopes.get(scopes.size() - 1).name());
    DwarfVariable acc = variable(scopes, "acc");
    assertNotNull(acc);
    assertTrue(acc.isParameter());
    assertEquals(17, acc.declLine());
    assertEquals("/corpus/src/crash.c", acc.declFile());
    assertEquals(DwarfVariable.LocationKind.EXPRESSION, acc.locationKind());
    assertEquals(DwOp.DW_OP_fbreg, acc.expression().firstOp());
    DwarfExpression fb = DwarfVariable.frameBase(scopes.get(0), address);
    assertEquals(DwOp.DW_OP_WASM_location, fb.firstOp());
    DwarfType ptr = acc.type();
    assertEquals(DwTag.DW_TAG_pointer_type, ptr.tag());
    assertEquals(4, ptr.byteSize());
    DwarfType typedef = ptr.target();
    assertEquals(DwTag.DW_TAG_typedef, typedef.tag());
    assertEquals("Account", typedef.name());
    DwarfType account = typedef.stripTypedefsAndQualifiers();
    assertEquals(DwTag.DW_TAG_structure_type, account.tag());
    List<String> names = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    for (DwarfType.Member m : account.members()) {
      names.add(m.name());
      offsets.add(m.byteOffset());
    }
    assertEquals(List.of("name", "balance", "location", "next", "rate"), names);
    assertEquals(List.of(0L, 16L, 20L, 28L, 32L), offsets);
    DwarfType nameType = account.members().get(0).type();
    assertEquals(DwTag.DW_TAG_array_type, nameType.tag());
    assertEquals(16, nameType.dimensions().get(0).count());
    DwarfType charType = nameType.target().stripTypedefsAndQualifiers();
    assertEquals("char", charType.name());
    assertEquals(1, charType.byteSize());
    assertEquals(8, account.members().get(4).type().byteSize());
    assertTrue(account.members().get(4).type().encoding().isFloat());
    assertEquals(account, account.members().get(3).type().target().stripTypedefsAndQualifiers(),
        "the self-referencing pointer leads back to the struct");
    // A file-static global by name, with a DW_OP_addr location.
    List<Die> globals = d.findGlobalVariables("g_counter", u);
    assertEquals(1, globals.size());
    DwarfVariable g = DwarfVariable.of(globals.get(0));
    assertEquals(DwOp.DW_OP_addrx, g.expression().firstOp(), "DWARF 5: the address is in .debug_addr");
    assertEquals(5, g.expression().version());
    assertEquals("int", g.type().name());
    assertTrue(g.type().encoding().isSignedInteger());
  }

  @Test
  void cxxQualifiedNamesAndMethods() {
    DwarfInfo d = open("cpp_dw5_O2.wasm");
    long address = 371; // frame 0: checkedQty inlined into audit
    CompileUnit u = d.unitForAddress(address);
    assertTrue(u.language().isCxx());
    List<Die> chain = u.inlinedChain(address);
    assertEquals(2, chain.size());
    assertEquals(DwTag.DW_TAG_inlined_subroutine, chain.get(0).tag());
    assertEquals("shop::Inventory::checkedQty", chain.get(0).qualifiedName());
    assertEquals("_ZNK4shop9Inventory10checkedQtyEm", chain.get(0).linkageName());
    assertEquals("shop::audit", chain.get(1).qualifiedName());
    List<Die> scopes = u.scopesAt(address);
    assertEquals(chain.get(0), scopes.get(0));
    // At -O2 the inlined copy has no parameter DIEs of its own; its abstract origin declares them.
    Die origin = chain.get(0).attribute(DwAt.DW_AT_abstract_origin).asReference();
    DwarfVariable self = variable(List.of(origin), "this");
    assertNotNull(self);
    assertTrue(self.isArtificial());
    DwarfType inventory = self.type().target().stripTypedefsAndQualifiers();
    assertEquals("shop::Inventory", inventory.qualifiedName());
    assertFalse(inventory.members().isEmpty());
  }

  @Test
  void rustEnumIsAVariantPart() {
    DwarfInfo d = open("rs_O0.wasm");
    long address = 48005; // frame 9: crash::process
    CompileUnit u = d.unitForAddress(address);
    assertTrue(u.language().isRust());
    List<Die> scopes = u.scopesAt(address);
    DwarfVariable rec = variable(scopes, "rec");
    assertNotNull(rec);
    DwarfType record = rec.type().target().stripTypedefsAndQualifiers();
    assertEquals("crash::Record", record.qualifiedName());
    DwarfType.Member shapeMember = null;
    for (DwarfType.Member m : record.members()) {
      if ("shape".equals(m.name())) {
        shapeMember = m;
      }
    }
    assertNotNull(shapeMember);
    DwarfType shape = shapeMember.type();
    assertEquals("crash::Shape", shape.qualifiedName());
    DwarfType.VariantPart vp = shape.variantPart();
    assertNotNull(vp);
    assertNotNull(vp.discriminant());
    List<String> variants = new ArrayList<>();
    for (DwarfType.Variant v : vp.variants()) {
      variants.add(v.members().get(0).name());
      assertNull(v.discrValue() == null && !v.discrRanges().isEmpty() ? "" : null);
    }
    assertEquals(List.of("Circle", "Rect", "Empty"), variants);
  }
}
