package dev.wasmcore.symbolize;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.dwarf.DwarfInfo;
import dev.wasmcore.dwarf.testsupport.WasmDebugSections;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (not a test): opening a module's DWARF and symbolizing every frame address of a corpus dump, in this
 * JVM: the first (cold) run, then the median of warm runs, each on a freshly opened {@link DwarfInfo}; then
 * {@code llvm-symbolizer-16 --inlines} on the same addresses, timed from process start to exit.
 *
 * <pre>java -cp ... dev.wasmcore.symbolize.SymbolizeBench /path/to/corpus rsbig_release [warmRuns]</pre>
 */
public final class SymbolizeBench {
  private SymbolizeBench() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../../shared/corpus");
    String name = args.length > 1 ? args[1] : "rsbig_release";
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    JsonObject o = JsonParser.parseString(Files.readString(corpus.resolve("expected/" + name + ".json")))
        .getAsJsonObject();
    Path module = corpus.resolve("modules").resolve(o.get("module").getAsString());
    List<Long> addrs = new ArrayList<>();
    for (JsonElement f : o.getAsJsonArray("frames")) {
      addrs.add(f.getAsJsonObject().get("dwarfAddress").getAsLong());
    }
    long t0 = System.nanoTime();
    int frames = run(module, addrs);
    long cold = System.nanoTime() - t0;
    long[] times = new long[warm];
    for (int i = 0; i < warm; i++) {
      long s = System.nanoTime();
      run(module, addrs);
      times[i] = System.nanoTime() - s;
    }
    Arrays.sort(times);
    long heap = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heap += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf("%s: %d addresses, %d source frames%n", name, addrs.size(), frames);
    System.out.printf("wasmcore in-JVM: first run %.1f ms (JVM already started), warm median %.1f ms (min %.1f)"
        + " over %d runs, peak heap %d MB%n", cold / 1e6, times[warm / 2] / 1e6, times[0] / 1e6, warm,
        heap >> 20);
    List<String> cmd = new ArrayList<>(List.of("llvm-symbolizer-16", "--inlines", "--obj=" + module));
    for (long a : addrs) {
      cmd.add("0x" + Long.toHexString(a));
    }
    long[] llvm = new long[5];
    for (int i = 0; i < llvm.length; i++) {
      long s = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor();
      llvm[i] = System.nanoTime() - s;
    }
    Arrays.sort(llvm);
    System.out.printf("llvm-symbolizer-16 --inlines (new process each): median %.1f ms%n", llvm[2] / 1e6);
  }

  private static int run(Path module, List<Long> addrs) {
    DwarfInfo dwarf = DwarfInfo.open(WasmDebugSections.read(module));
    AddressSymbolizer s = new AddressSymbolizer(dwarf, SourceMap.empty());
    int n = 0;
    for (long a : addrs) {
      n += s.symbolize(a).size();
    }
    return n;
  }
}
