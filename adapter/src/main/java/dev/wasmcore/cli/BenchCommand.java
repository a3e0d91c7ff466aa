package dev.wasmcore.cli;

import dev.wasmcore.cli.bench.BenchCase;
import dev.wasmcore.cli.bench.BigDumpGenerator;
import dev.wasmcore.cli.bench.ColdBench;
import dev.wasmcore.cli.bench.DapClient;
import dev.wasmcore.cli.bench.EditorBench;
import dev.wasmcore.cli.bench.EditorFlow;
import dev.wasmcore.cli.bench.GcLog;
import dev.wasmcore.cli.bench.InProcessBench;
import dev.wasmcore.cli.bench.JavaRuntime;
import dev.wasmcore.cli.bench.ProcessTimer;
import dev.wasmcore.cli.bench.Report;
import dev.wasmcore.cli.bench.WarmBench;
import dev.wasmcore.dap.ServerConfig;
import dev.wasmcore.dap.StdioServer;
import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.session.SessionOpener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code wasmcore bench}: the performance benchmark (issue "Performance at scale"). It prints figures, never
 * asserts timings in tests: medians of several runs, CPU time, peak heap and RSS, for
 * <ol>
 *   <li>cold {@code wasmcore bt --json} in a new JVM against {@code llvm-symbolizer-16} on the same addresses,
 *       plain and through the launcher (with its CDS archives or Java 25 AOT caches);</li>
 *   <li>opening a crash as an editor does (spawn, initialize, launch, stackTrace, scopes, variables) against
 *       {@code lldb-vscode-16} on a native core of the same program;</li>
 *   <li>requests on a warm server;</li>
 *   <li>heap with 1 GiB and 4 GiB memory images, generated from a corpus dump into the work directory.</li>
 * </ol>
 * {@code wasmcore bench --train bt|cli|dap CORE MODULE [CORE MODULE]...} is a training run for the
 * class-data-sharing archives the launcher uses (see {@code adapter/src/bench/cds.sh}), on every dump in this JVM:
 * {@code bt} runs {@code bt} and {@code bt --json}, {@code cli} the other short commands ({@code bt --locals},
 * {@code info}, {@code eval}), {@code dap} a DAP session through the real server. The launcher keeps one archive for
 * each, because a Java 25 AOT cache loads and links every class it holds at start-up: a {@code bt} should not pay
 * for the classes of the value renderer or the server.
 */
public final class BenchCommand implements Command {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "performance benchmark: cold bt vs llvm-symbolizer, editor open vs lldb-vscode, warm requests, heap";
  }

  @Override
  public String usage() {
    return """
        usage: wasmcore bench --corpus DIR [options]
          --corpus DIR            the shared corpus (modules/, cores/); default $WASMCORE_CORPUS
          --parts LIST            cold,editor,warm,memory (default: all)
          --runs N                measured runs per figure (default 5); medians are reported
          --warmup N              warm-server sessions before measuring (default 3)
          --work DIR              scratch directory for generated dumps, archives and logs (default: a temp dir)
          --jar JAR               the wasmcore jar to start (default: the one running)
          --launcher FILE         also start wasmcore through this launcher (adapter/wasmcore: its own JVM options
                                  and CDS/AOT archive), as editors do; the warm server then runs through it too
          --jvm-opt OPT           extra JVM option for every wasmcore child JVM (repeatable)
          --java25 HOME           also measure on this Java 25+ runtime (plain, and through the launcher, which uses
                                  the AOT caches of adapter/src/bench/cds.sh)
          --llvm-symbolizer CMD   default llvm-symbolizer-16
          --lldb-vscode CMD       default lldb-vscode-16
          --native-program FILE   native build of rsbig (for the lldb-vscode side of part 2)
          --native-core FILE      its core dump
          --markdown FILE         also write the result table there
        wasmcore bench --train bt|cli|dap CORE MODULE [CORE MODULE]...
                                  training run for the launcher's CDS / AOT archives, on each dump in this JVM:
                                  bt and bt --json (bt), the other short commands (cli), a DAP session (dap)
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, Set.of("--corpus", "--parts", "--runs", "--warmup", "--work", "--jar", "--jvm-opt",
        "--java25", "--launcher", "--llvm-symbolizer", "--lldb-vscode", "--native-program", "--native-core",
        "--markdown", "--train"), Set.of());
    if (a.value("--train").isPresent()) {
      List<String> p = a.positional();
      if (p.isEmpty() || p.size() % 2 != 0) {
        throw new UsageException("--train needs CORE MODULE pairs");
      }
      List<BenchCase> cases = new ArrayList<>();
      for (int i = 0; i < p.size(); i += 2) {
        cases.add(new BenchCase(Path.of(p.get(i)).getFileName().toString(), Path.of(p.get(i)),
            Path.of(p.get(i + 1))));
      }
      switch (a.value("--train").get()) {
        case "bt":
          return trainCli(cases, true);
        case "cli":
          return trainCli(cases, false);
        case "dap":
          return trainDap(cases);
        default:
          throw new UsageException("--train takes bt, cli or dap, not " + a.value("--train").get());
      }
    }
    if (!a.positional().isEmpty()) {
      throw new UsageException("unexpected argument " + a.positional().get(0));
    }
    String corpusText = a.value("--corpus").orElse(System.getenv("WASMCORE_CORPUS"));
    if (corpusText == null) {
      throw new UsageException("give --corpus DIR (the shared corpus with modules/ and cores/)");
    }
    Path corpus = Path.of(corpusText);
    int runs = intOption(a, "--runs", 5);
    int warmup = intOption(a, "--warmup", 3);
    Set<String> parts = new LinkedHashSet<>(List.of(a.value("--parts").orElse("cold,editor,warm,memory")
        .split(",")));
    for (String p : parts) {
      if (!Set.of("cold", "editor", "warm", "memory").contains(p)) {
        throw new UsageException("unknown part " + p + " (cold, editor, warm, memory)");
      }
    }
    Path jar = a.value("--jar").map(Path::of).orElseGet(BenchCommand::ownJar);
    try {
      Path work = a.value("--work").isPresent() ? Files.createDirectories(Path.of(a.value("--work").get()))
          : Files.createTempDirectory("wasmcore-bench");
      Report report = new Report(err);
      BenchCase rsbig = corpusCase(corpus, "rsbig_release");
      BenchCase sqlite = corpusCase(corpus, "sqlite_dw5_O2");
      BenchCase big1g = new BenchCase("rsbig_1GiB", BigDumpGenerator.generate(rsbig.core(),
          work.resolve("rsbig_1GiB.core"), 16384), rsbig.module());
      BenchCase big4g = new BenchCase("rsbig_4GiB", BigDumpGenerator.generate(rsbig.core(),
          work.resolve("rsbig_4GiB.core"), 65536), rsbig.module());
      report.note("generated " + big1g.core() + " (" + Files.size(big1g.core()) + " bytes, 16384 pages) and "
          + big4g.core() + " (" + Files.size(big4g.core()) + " bytes, 65536 pages) from " + rsbig.core());
      report.note("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
          + loadAverage() + " at start; wasmcore jar " + jar + "; runs per figure " + runs);

      JavaRuntime base = JavaRuntime.current().with("java" + Runtime.version().feature(), a.values("--jvm-opt"));
      List<JavaRuntime> runtimes = new ArrayList<>(List.of(base));
      ProcessTimer timer = new ProcessTimer(work);
      if (a.value("--java25").isPresent()) {
        JavaRuntime j25 = JavaRuntime.of("java25", Path.of(a.value("--java25").get())).with("java25",
            a.values("--jvm-opt"));
        if (j25.feature() < 25) {
          throw new UsageException("--java25 " + j25.home() + " is Java " + j25.feature() + ", not 25 or newer");
        }
        runtimes.add(j25);
      }
      JavaRuntime server = base;
      if (a.value("--launcher").isPresent()) {
        Path launcher = Path.of(a.value("--launcher").get());
        JavaRuntime viaLauncher = JavaRuntime.current().through("launcher, java" + Runtime.version().feature(),
            launcher).with("launcher, java" + Runtime.version().feature(), a.values("--jvm-opt"));
        runtimes.add(viaLauncher);
        server = viaLauncher;
        if (a.value("--java25").isPresent()) {
          runtimes.add(JavaRuntime.of("launcher, java25", Path.of(a.value("--java25").get()))
              .through("launcher, java25", launcher).with("launcher, java25", a.values("--jvm-opt")));
        }
        report.note("launcher runs use adapter/wasmcore's own options (serial GC; C1 only for short commands; the "
            + "CDS archive or AOT cache of adapter/src/bench/cds.sh when present and newer than the jar)");
      }
      if (parts.contains("cold")) {
        ColdBench cold = new ColdBench(timer, jar, work, a.value("--llvm-symbolizer").orElse("llvm-symbolizer-16"),
            report);
        cold.floor(runtimes, runs);
        for (BenchCase c : List.of(rsbig, sqlite, big4g)) {
          cold.run(c, runtimes, runs);
        }
      }
      if (parts.contains("editor")) {
        List<EditorBench.Adapter> adapters = new ArrayList<>();
        for (JavaRuntime rt : runtimes) {
          Path gc = work.resolve("gc-editor-" + rt.label().replaceAll("[^A-Za-z0-9.+-]", "_") + ".log");
          adapters.add(new EditorBench.Adapter("wasmcore dap (" + rt.label() + ")",
              rt.command(jar, List.of(GcLog.jvmOption(gc)), List.of("dap")),
              rt.environment(List.of(GcLog.jvmOption(gc))), "launch",
              DapClient.args("coreFile", rsbig.core().toString(), "program", rsbig.module().toString()), gc));
        }
        String baseline = adapters.get(0).label();
        if (a.value("--native-program").isPresent() && a.value("--native-core").isPresent()) {
          String lldb = a.value("--lldb-vscode").orElse("lldb-vscode-16");
          baseline = lldb + " (native core)";
          adapters.add(new EditorBench.Adapter(baseline, List.of(lldb), Map.of(), "attach", DapClient.args("program",
              a.value("--native-program").get(), "coreFile", a.value("--native-core").get()), null));
        } else {
          report.note("no --native-program/--native-core: part 2 runs without the lldb-vscode side");
        }
        new EditorBench(report).run("rsbig_release", adapters, baseline, runs);
      }
      if (parts.contains("warm") || parts.contains("memory")) {
        WarmBench warm = new WarmBench(server, jar, work, report);
        if (parts.contains("warm")) {
          InProcessBench inProcess = new InProcessBench(report);
          inProcess.bt(rsbig, 20, Math.max(runs, 10), true);
          inProcess.bt(sqlite, 20, Math.max(runs, 10), false);
          warm.warm(rsbig, sqlite, big4g, warmup, Math.max(runs, 5));
        }
        if (parts.contains("memory")) {
          warm.memory(List.of(sqlite, rsbig, big1g, big4g), 3);
        }
      }
      String md = report.markdown();
      out.print(md);
      out.flush();
      if (a.value("--markdown").isPresent()) {
        Files.writeString(Path.of(a.value("--markdown").get()), md);
      }
      return OK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A command-line training workload on every dump: {@code bt} ({@code bt} as text and JSON: what crash pipelines
   * run) or {@code cli} (the other short commands: {@code bt --locals}, {@code info}, {@code eval}). Failures of
   * one command (a dump the samples do not fit, say) go to the null sink like all output: a training run only
   * loads and links classes and records profiles.
   */
  private static int trainCli(List<BenchCase> cases, boolean btOnly) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    for (BenchCase c : cases) {
      String core = c.core().toString();
      String module = c.module().toString();
      if (btOnly) {
        new BtCommand().run(List.of("--json", core, "--module", module), sink, sink);
        new BtCommand().run(List.of(core, "--module", module), sink, sink);
      } else {
        new BtCommand().run(List.of("--locals", core, "--module", module), sink, sink);
        new InfoCommand().run(List.of(core, "--module", module), sink, sink);
        new EvalCommand().run(List.of(core, "--module", module, "--frame", "0", "1 + 2"), sink, sink);
      }
    }
    return OK;
  }

  /**
   * The server's training workload: a DAP session on every dump through the real server over in-memory pipes
   * (launch, stack, scopes, variables, evaluate, readMemory, disassemble).
   */
  private static int trainDap(List<BenchCase> cases) {
    ServerConfig config = ServerConfig.of(SessionOpener.MODEL, FileAccessPolicy.unrestricted());
    try {
      for (BenchCase bc : cases) {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        Thread server = new Thread(() -> {
          try {
            StdioServer.serve(serverIn, serverOut, config, line -> { });
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "bench-train-server");
        server.setDaemon(true);
        server.start();
        try (DapClient c = new DapClient(clientIn, clientOut, "train")) {
          EditorFlow.Opened o = EditorFlow.open(c, "wasmcore", "launch", DapClient.args("coreFile",
              bc.core().toString(), "program", bc.module().toString()));
          String ip = o.frames.get(0).getAsJsonObject().get("instructionPointerReference").getAsString();
          c.request("disassemble", DapClient.args("memoryReference", ip, "instructionOffset", -10,
              "instructionCount", 20, "resolveSymbols", true), 60_000);
          c.request("readMemory", DapClient.args("memoryReference", "0x0", "count", 256), 60_000);
          int frameId = o.frames.get(0).getAsJsonObject().get("id").getAsInt();
          c.send("evaluate", DapClient.args("expression", "1 + 2", "frameId", frameId, "context", "watch"));
          EditorFlow.disconnect(c, false);
        }
        server.join(10_000);
      }
      return OK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILURE;
    }
  }

  private static BenchCase corpusCase(Path corpus, String name) {
    BenchCase c = new BenchCase(name, corpus.resolve("cores").resolve(name + ".core"),
        corpus.resolve("modules").resolve(name + ".wasm"));
    if (!Files.isRegularFile(c.core()) || !Files.isRegularFile(c.module())) {
      throw new UsageException("the corpus at " + corpus + " lacks cores/" + name + ".core or modules/" + name
          + ".wasm");
    }
    return c;
  }

  private static int intOption(Args a, String name, int dflt) {
    try {
      int v = a.value(name).map(Integer::parseInt).orElse(dflt);
      if (v < 1 || v > 1000) {
        throw new UsageException(name + " must be 1..1000");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " needs a number");
    }
  }

  private static Path ownJar() {
    try {
      Path p = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(p)) {
        throw new UsageException("not running from a jar: give --jar JAR");
      }
      return p;
    } catch (URISyntaxException | SecurityException e) {
      throw new UsageException("cannot find the wasmcore jar: give --jar JAR");
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
