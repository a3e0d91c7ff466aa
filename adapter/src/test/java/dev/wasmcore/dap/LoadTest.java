package dev.wasmcore.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.session.SessionOpener;
import dev.wasmcore.dap.support.Harness;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.Sessions;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's load test: 50 concurrent TCP sessions on one server against a project sample, each a full
 * stackTrace / scopes / variables / evaluate / readMemory round, while another client sends garbage; every session
 * succeeds, every model session is closed after disconnect, and the heap returns to its baseline. Figures go to
 * stderr.
 */
class LoadTest {
  private static final int SESSIONS = 50;

  @Test
  void fiftyConcurrentSessionsWhileAClientSendsGarbage() throws Exception {
    String samples = System.getProperty("wasmcore.samples");
    Assumptions.assumeTrue(samples != null, "wasmcore.samples not set");
    Path out = Path.of(samples, "out");
    Path core = out.resolve("c_dw5_O0.core");
    Path module = out.resolve("c_dw5_O0.wasm");
    Assumptions.assumeTrue(Files.isRegularFile(core) && Files.isRegularFile(module), "samples not built");
    JsonObject expected = JsonParser.parseString(Files.readString(out.resolve("expected/c_dw5_O0.json")))
        .getAsJsonObject();
    String fact = expected.getAsJsonArray("sourceValues").get(0).getAsJsonObject().get("expression").getAsString();

    AtomicInteger open = new AtomicInteger();
    List<java.lang.ref.WeakReference<DebugSession>> made = java.util.Collections.synchronizedList(new ArrayList<>());
    SessionOpener counting = (options, progress) -> {
      DebugSession s = Sessions.open(options, progress);
      made.add(new java.lang.ref.WeakReference<>(s));
      open.incrementAndGet();
      java.util.concurrent.atomic.AtomicBoolean closedOnce = new java.util.concurrent.atomic.AtomicBoolean();
      return (DebugSession) Proxy.newProxyInstance(DebugSession.class.getClassLoader(),
          new Class<?>[] {DebugSession.class}, (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              if (closedOnce.compareAndSet(false, true)) {
                open.decrementAndGet();
              }
            }
            try {
              return method.invoke(s, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
    };
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "load-client");
      t.setDaemon(true);
      return t;
    });
    try (TcpServer server = TcpServer.bind("127.0.0.1", 0, ServerConfig.of(counting,
        FileAccessPolicy.within(List.of(out))), line -> { })) {
      Thread acceptor = new Thread(server::serve, "load-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();

      // warm up once, then take the baseline
      round(server.port(), core, module, fact, pool);
      long baseline = usedHeapAfterGc();

      long t0 = System.nanoTime();
      CompletableFuture<Integer> garbage = CompletableFuture.supplyAsync(() -> garbage(server.port()), pool);
      List<CompletableFuture<Long>> sessions = new ArrayList<>();
      for (int i = 0; i < SESSIONS; i++) {
        sessions.add(CompletableFuture.supplyAsync(() -> {
          long s = System.nanoTime();
          try {
            round(server.port(), core, module, fact, pool);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return (System.nanoTime() - s) / 1_000_000;
        }, pool));
      }
      List<Long> times = new ArrayList<>();
      for (CompletableFuture<Long> s : sessions) {
        times.add(s.get(120, TimeUnit.SECONDS));
      }
      long wall = (System.nanoTime() - t0) / 1_000_000;
      long peak = usedHeap();
      int garbageConnections = garbage.get(60, TimeUnit.SECONDS);

      long deadline = System.currentTimeMillis() + 10_000;
      while ((server.liveConnections() > 0 || open.get() > 0) && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(0, server.liveConnections(), "connections left open");
      assertEquals(0, open.get(), "model sessions left open");
      long after = usedHeapAfterGc();
      long reachable;
      synchronized (made) {
        reachable = made.stream().filter(r -> r.get() != null).count();
      }
      times.sort(Long::compare);
      System.err.printf("LOAD %d sessions: wall %d ms, per session median %d ms, max %d ms; garbage connections %d;"
          + " heap baseline %.1f MB, after the load %.1f MB (peak seen %.1f MB); sessions still reachable %d of %d;"
          + " mappings of the core file now %d%n",
          SESSIONS, wall, times.get(times.size() / 2), times.get(times.size() - 1), garbageConnections,
          baseline / 1e6, after / 1e6, peak / 1e6, reachable, made.size(), mappings(core));
      assertEquals(0, reachable, "sessions still reachable after disconnect (leaked)");
      assertTrue(after < baseline + 32_000_000L, "heap did not return to baseline: " + baseline + " -> " + after);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One editor-like session: launch, stack, scopes, variables, evaluate, readMemory, disconnect. */
  private static void round(int port, Path core, Path module, String fact, ExecutorService pool) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(new IDebugProtocolClient() {},
          s.getInputStream(), s.getOutputStream(), pool, null);
      l.startListening();
      IDebugProtocolServer remote = l.getRemoteProxy();
      remote.initialize(Harness.vscode()).get(60, TimeUnit.SECONDS);
      remote.launch(Map.of("coreFile", core.toString(), "program", module.toString())).get(60, TimeUnit.SECONDS);
      remote.configurationDone(new ConfigurationDoneArguments()).get(60, TimeUnit.SECONDS);
      StackTraceArguments st = new StackTraceArguments();
      st.setThreadId(remote.threads().get(60, TimeUnit.SECONDS).getThreads()[0].getId());
      StackFrame[] frames = remote.stackTrace(st).get(60, TimeUnit.SECONDS).getStackFrames();
      assertTrue(frames.length > 1);
      ScopesArguments sa = new ScopesArguments();
      sa.setFrameId(frames[0].getId());
      String memory = null;
      for (Scope scope : remote.scopes(sa).get(60, TimeUnit.SECONDS).getScopes()) {
        if (scope.isExpensive()) {
          continue;
        }
        VariablesArguments va = new VariablesArguments();
        va.setVariablesReference(scope.getVariablesReference());
        for (Variable v : remote.variables(va).get(60, TimeUnit.SECONDS).getVariables()) {
          memory = memory != null ? memory : v.getMemoryReference();
        }
      }
      EvaluateArguments e = new EvaluateArguments();
      e.setExpression(fact);
      e.setFrameId(frames[0].getId());
      e.setContext("watch");
      EvaluateResponse r = remote.evaluate(e).get(60, TimeUnit.SECONDS);
      memory = memory != null ? memory : r.getMemoryReference();
      if (memory != null) {
        ReadMemoryArguments m = new ReadMemoryArguments();
        m.setMemoryReference(memory);
        m.setCount(64);
        remote.readMemory(m).get(60, TimeUnit.SECONDS);
      }
      remote.disconnect(new DisconnectArguments()).get(60, TimeUnit.SECONDS);
    }
  }

  /** Connections sending random bytes, bad frames and invalid JSON for as long as the sessions run. */
  private static int garbage(int port) {
    Random random = new Random(9);
    int n = 0;
    for (; n < 200; n++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(2000);
        OutputStream out = s.getOutputStream();
        byte[] junk = new byte[1 + random.nextInt(4096)];
        random.nextBytes(junk);
        switch (n % 4) {
          case 0 -> out.write(junk);
          case 1 -> out.write(("Content-Length: " + junk.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          case 2 -> out.write("Content-Length: 7\r\n\r\n{\"seq\":".getBytes(StandardCharsets.US_ASCII));
          default -> out.write(("Content-Length: 40\r\n\r\n{\"seq\":1,\"type\":\"request\",\"command\":1}  ")
              .getBytes(StandardCharsets.US_ASCII));
        }
        if (n % 4 == 1) {
          out.write(junk);
        }
        out.flush();
        s.shutdownOutput();
        while (s.getInputStream().read() >= 0) {
          // read until the server ends the connection
        }
      } catch (Exception e) {
        // resets are fine
      }
    }
    return n;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return usedHeap();
  }

  /** Lines of /proc/self/maps naming the core file (Linux), -1 elsewhere. */
  private static long mappings(Path core) {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains(core.getFileName()
          .toString())).count();
    } catch (Exception e) {
      return -1;
    }
  }
}
