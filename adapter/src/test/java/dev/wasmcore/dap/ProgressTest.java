package dev.wasmcore.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.wasmcore.dap.support.FakeSession;
import dev.wasmcore.dap.support.Harness;
import dev.wasmcore.dap.support.WireRecorder;
import dev.wasmcore.inspect.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.debug.CancelArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress events for slow launches, none for quick ones, and cancel. */
class ProgressTest {
  @TempDir
  Path dir;

  /** Opens after {@code steps} steps of 100 ms, reporting each, checking cancellation between steps. */
  private static Harness slow(int steps, AtomicBoolean sawCancel) {
    return new Harness((options, progress) -> {
      progress.start("Reading DWARF");
      for (int i = 0; i < steps; i++) {
        if (progress.isCancelled()) {
          sawCancel.set(true);
          throw new ProgressListener.CancelledException();
        }
        progress.update("step " + i, i * 100 / steps);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return new FakeSession(options);
    });
  }

  private static InitializeRequestArguments withProgress() {
    InitializeRequestArguments a = Harness.vscode();
    a.setSupportsProgressReporting(true);
    return a;
  }

  @Test
  void aSlowLaunchReportsProgressToClientsThatAskForIt() throws Exception {
    Path core = Files.writeString(dir.resolve("c.core"), "x");
    try (Harness h = slow(9, new AtomicBoolean())) {
      h.server.initialize(withProgress()).get(5, TimeUnit.SECONDS);
      h.server.launch(Map.of("coreFile", core.toString())).get(10, TimeUnit.SECONDS);
      JsonObject start = h.wire.await(WireRecorder.event("progressStart"), 1000);
      assertTrue(start.getAsJsonObject("body").get("cancellable").getAsBoolean());
      assertTrue(start.getAsJsonObject("body").get("title").getAsString().contains("c.core"));
      h.wire.await(WireRecorder.event("progressUpdate"), 1000);
      h.wire.await(WireRecorder.event("progressEnd"), 1000);
      assertTrue(h.wire.indexOf(WireRecorder.event("progressEnd")) < h.wire.indexOf(WireRecorder.response("launch")));
      assertEquals(List.of(), h.wire.problems());
    }
  }

  @Test
  void quickLaunchesAndClientsWithoutProgressGetNoEvents() throws Exception {
    Path core = Files.writeString(dir.resolve("c.core"), "x");
    try (Harness h = slow(0, new AtomicBoolean())) {
      h.server.initialize(withProgress()).get(5, TimeUnit.SECONDS);
      h.server.launch(Map.of("coreFile", core.toString())).get(10, TimeUnit.SECONDS);
      Thread.sleep(700);
      assertEquals(-1, h.wire.indexOf(WireRecorder.event("progressStart")));
    }
    try (Harness h = slow(8, new AtomicBoolean())) {
      h.server.initialize(Harness.vscode()).get(5, TimeUnit.SECONDS);
      h.server.launch(Map.of("coreFile", core.toString())).get(10, TimeUnit.SECONDS);
      assertEquals(-1, h.wire.indexOf(WireRecorder.event("progressStart")));
    }
  }

  @Test
  void cancelStopsTheLaunch() throws Exception {
    Path core = Files.writeString(dir.resolve("c.core"), "x");
    AtomicBoolean sawCancel = new AtomicBoolean();
    try (Harness h = slow(100, sawCancel)) {
      h.server.initialize(withProgress()).get(5, TimeUnit.SECONDS);
      CompletableFuture<Void> launch = h.server.launch(Map.of("coreFile", core.toString()));
      JsonObject start = h.wire.await(WireRecorder.event("progressStart"), 5000);
      CancelArguments c = new CancelArguments();
      c.setProgressId(start.getAsJsonObject("body").get("progressId").getAsString());
      h.server.cancel(c).get(5, TimeUnit.SECONDS);
      ExecutionException e = assertThrows(ExecutionException.class, () -> launch.get(5, TimeUnit.SECONDS));
      assertEquals("cancelled", e.getCause().getMessage());
      assertTrue(sawCancel.get());
      h.wire.await(WireRecorder.event("progressEnd"), 1000);
      assertFalse(h.connection.hasSession());
      assertEquals(List.of(), h.wire.problems());
    }
  }
}
