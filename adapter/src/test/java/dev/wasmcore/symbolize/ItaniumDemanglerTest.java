package dev.wasmcore.symbolize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Demangled names as llvm-cxxfilt-16 prints them (each pair checked against it when written). */
class ItaniumDemanglerTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "_ZNK4shop9Inventory10checkedQtyEm | shop::Inventory::checkedQty(unsigned long) const",
      "_ZN4shop5auditERKNS_9InventoryEm | shop::audit(shop::Inventory const&, unsigned long)",
      "_ZN4core3ops8function6FnOnce9call_once17he100e4aedf8d4c61E"
          + " | core::ops::function::FnOnce::call_once::he100e4aedf8d4c61",
      "_ZN3std9panicking19begin_panic_handler28_$u7b$$u7b$closure$u7d$$u7d$17h8ef066ac4d1e7406E"
          + " | std::panicking::begin_panic_handler::_$u7b$$u7b$closure$u7d$$u7d$::h8ef066ac4d1e7406",
      "_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6appendEPKcm"
          + " | std::__1::basic_string<char, std::__1::char_traits<char>, std::__1::allocator<char>>"
          + "::append(char const*, unsigned long)",
      "_Z3fooIiEvT_ | void foo<int>(int)",
      "_ZN1AC2Ev | A::A()",
      "_ZN1AD1Ev | A::~A()",
      "_Z1fPFviE | f(void (*)(int))",
      "_ZN5Outer5InnerIiE3getEv | Outer::Inner<int>::get()",
      "_Z1gRA10_i | g(int (&) [10])",
      "_ZN1AIiEC1ERKS0_ | A<int>::A(A<int> const&)",
      "_ZplRK1VS1_ | operator+(V const&, V const&)",
      "_ZN12_GLOBAL__N_13fooEv | (anonymous namespace)::foo()",
      "_ZN3foo3barEv.llvm.123 | foo::bar() (.llvm.123)",
      "__main_argc_argv | __main_argc_argv",
      "main | main",
      "_Zinvalid | _Zinvalid",
  })
  void demanglesLikeLlvm(String mangled, String expected) {
    assertEquals(expected, ItaniumDemangler.demangle(mangled));
  }
}
