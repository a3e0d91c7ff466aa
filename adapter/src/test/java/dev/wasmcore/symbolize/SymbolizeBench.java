package dev.wasmcore.symbolize;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.wasm.WasmModule;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark (not a test): opening a corpus dump and its module and symbolizing every frame, in this JVM: the first
 * run, then the median of warm runs, each opening the files and the DWARF afresh; then, in the same run,
 * {@code wasmcore bt --json} in a new JVM (when a jar is given) and {@code llvm-symbolizer-16 --inlines} on the same
 * addresses, each timed from process start to exit (median of 5).
 *
 * <pre>java -cp ... dev.wasmcore.symbolize.SymbolizeBench CORPUS [NAME [WARM_RUNS [WASMCORE_JAR [JVM_OPTION...]]]]</pre>
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
    Path core = corpus.resolve("cores/" + name + ".core");
    long t0 = System.nanoTime();
    int frames = run(module, core);
    long cold = System.nanoTime() - t0;
    long[] times = new long[warm];
    for (int i = 0; i < warm; i++) {
      long s = System.nanoTime();
      run(module, core);
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
    if (args.length > 3) {
      List<String> bt = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      bt.addAll(Arrays.asList(args).subList(4, args.length));
      bt.addAll(List.of("-jar", args[3], "bt", core.toString(), "--module", module.toString(), "--json"));
      long[] fresh = new long[5];
      for (int i = 0; i < fresh.length; i++) {
        long s = System.nanoTime();
        Process p = new ProcessBuilder(bt).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("wasmcore bt failed: " + bt);
        }
        fresh[i] = System.nanoTime() - s;
      }
      Arrays.sort(fresh);
      System.out.printf("wasmcore bt --json (new JVM each, %s): median %.1f ms, ratio to llvm-symbolizer %.2f%n",
          String.join(" ", bt.subList(1, bt.size() - 7)), fresh[2] / 1e6, (double) fresh[2] / llvm[2]);
    }
  }

  private static int run(Path module, Path core) {
    int n = 0;
    try (WasmModule m = WasmModule.open(module); CoreDump dump = CoreDump.open(core);
        Symbolizer s = Symbolizer.open(m, module, List.of(), SourceMap.empty())) {
      for (CoreFrame f : dump.threads().get(0).frames()) {
        n += s.symbolize(dump, f).size();
      }
    }
    return n;
  }
}
