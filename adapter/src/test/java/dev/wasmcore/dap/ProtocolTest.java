package dev.wasmcore.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.wasmcore.dap.support.FakeSession;
import dev.wasmcore.dap.support.Harness;
import dev.wasmcore.dap.support.WireRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.lsp4j.debug.DisassembledInstructionPresentationHint;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.LoadedSourcesArguments;
import org.eclipse.lsp4j.debug.ModulesArguments;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.SourcePresentationHint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.ValueFormat;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesArgumentsFilter;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole session through lsp4j's DAP client on piped streams, against {@link FakeSession}; every message the
 * server writes is checked against the DAP schema, for seq order and for stray bytes.
 */
class ProtocolTest {
  private static final long T = 10;

  @TempDir
  Path dir;

  private Harness h;
  private Path core;
  private final AtomicReference<FakeSession> opened = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    core = Files.writeString(dir.resolve("crash.core"), "not read by the fake");
    h = new Harness((options, progress) -> {
      FakeSession s = new FakeSession(options);
      opened.set(s);
      return s;
    });
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
    assertEquals(List.of(), h.wire.problems(), "protocol problems");
  }

  private <V> V get(CompletableFuture<V> f) throws Exception {
    return f.get(T, TimeUnit.SECONDS);
  }

  private String error(CompletableFuture<?> f) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(T, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ResponseErrorException, String.valueOf(e.getCause()));
    return e.getCause().getMessage();
  }

  private void launch() throws Exception {
    get(h.server.initialize(Harness.vscode()));
    Map<String, Object> args = new HashMap<>();
    args.put("coreFile", core.toString());
    args.put("sourceMap", Map.of("/build", "/work"));
    get(h.server.launch(args));
    get(h.server.configurationDone(new ConfigurationDoneArguments()));
    h.wire.await(WireRecorder.event("stopped"), T * 1000);
  }

  @Test
  void initializeAnswersExactlyTheServedCapabilitiesThenTheInitializedEvent() throws Exception {
    Capabilities c = get(h.server.initialize(Harness.vscode()));
    assertEquals(Boolean.TRUE, c.getSupportsConfigurationDoneRequest());
    assertEquals(Boolean.TRUE, c.getSupportsReadMemoryRequest());
    assertEquals(Boolean.TRUE, c.getSupportsDisassembleRequest());
    assertEquals(Boolean.TRUE, c.getSupportsEvaluateForHovers());
    assertEquals(Boolean.TRUE, c.getSupportsExceptionInfoRequest());
    assertEquals(Boolean.TRUE, c.getSupportsModulesRequest());
    assertEquals(Boolean.TRUE, c.getSupportsLoadedSourcesRequest());
    assertEquals(Boolean.TRUE, c.getSupportsValueFormattingOptions());
    assertEquals(Boolean.TRUE, c.getSupportsTerminateRequest());
    assertEquals(Boolean.TRUE, c.getSupportsClipboardContext());
    assertEquals(Boolean.TRUE, c.getSupportsDelayedStackTraceLoading());
    assertEquals(Boolean.TRUE, c.getSupportsCancelRequest());
    JsonObject response = h.wire.await(WireRecorder.response("initialize"), 1000);
    JsonObject body = response.getAsJsonObject("body");
    for (String key : body.keySet()) {
      if (!key.equals("exceptionBreakpointFilters")) {
        assertTrue(List.of("supportsConfigurationDoneRequest", "supportsReadMemoryRequest",
            "supportsDisassembleRequest", "supportsEvaluateForHovers", "supportsExceptionInfoRequest",
            "supportsModulesRequest", "supportsLoadedSourcesRequest", "supportsValueFormattingOptions",
            "supportsTerminateRequest", "supportsClipboardContext", "supportsDelayedStackTraceLoading",
            "supportsCancelRequest").contains(key), "capability not served: " + key);
      }
    }
    h.wire.await(WireRecorder.event("initialized"), 1000);
    assertTrue(h.wire.indexOf(WireRecorder.response("initialize")) < h.wire.indexOf(
        WireRecorder.event("initialized")), "initialized must follow the initialize response");
  }

  @Test
  void configurationDoneIsFollowedByOneStoppedEventAndTheCrashSummary() throws Exception {
    launch();
    JsonObject stopped = h.wire.await(WireRecorder.event("stopped"), 1000);
    JsonObject body = stopped.getAsJsonObject("body");
    assertEquals("exception", body.get("reason").getAsString());
    assertEquals("memory access out of bounds", body.get("description").getAsString());
    assertTrue(body.get("allThreadsStopped").getAsBoolean());
    assertEquals(1, body.get("threadId").getAsInt());
    int configResponse = h.wire.indexOf(WireRecorder.response("configurationDone"));
    assertTrue(configResponse >= 0 && configResponse < h.wire.indexOf(WireRecorder.event("stopped")));
    JsonObject output = h.wire.await(WireRecorder.event("output"), 1000);
    assertEquals("console", output.getAsJsonObject("body").get("category").getAsString());
    assertTrue(output.getAsJsonObject("body").get("output").getAsString().contains("crash.c:21:22"));
    Thread.sleep(100);
    assertEquals(1, h.wire.messages().stream().filter(WireRecorder.event("stopped")).count());
  }

  @Test
  void stackTracePresentsFramesAndPages() throws Exception {
    launch();
    StackTraceArguments all = new StackTraceArguments();
    all.setThreadId(1);
    StackTraceResponse r = get(h.server.stackTrace(all));
    assertEquals(3, r.getTotalFrames());
    StackFrame[] f = r.getStackFrames();
    assertEquals(3, f.length);
    // inlined library frame whose source is not here: subtle frame, deemphasized source that keeps its path
    assertEquals("core::panicking::panic", f[0].getName());
    assertEquals(StackFramePresentationHint.SUBTLE, f[0].getPresentationHint());
    assertEquals(SourcePresentationHint.DEEMPHASIZE, f[0].getSource().getPresentationHint());
    assertEquals("/rustc/abc/library/core/src/panicking.rs", f[0].getSource().getPath());
    assertEquals("panicking.rs", f[0].getSource().getName());
    // user frame with a local source
    assertEquals("level3", f[1].getName());
    assertEquals("/work/src/crash.c", f[1].getSource().getPath());
    assertNull(f[1].getSource().getPresentationHint());
    assertEquals(21, f[1].getLine());
    assertEquals(22, f[1].getColumn());
    assertEquals("0x112", f[1].getInstructionPointerReference());
    assertEquals(0, f[1].getModuleId().getLeft());
    // no line information: no source, so editors show disassembly; the name says where
    assertNull(f[2].getSource());
    assertTrue(f[2].getName().startsWith("__original_main [crash.wasm func[9]+0x4]"), f[2].getName());
    for (StackFrame frame : f) {
      assertNotNull(frame.getInstructionPointerReference());
    }
    StackTraceArguments page = new StackTraceArguments();
    page.setThreadId(1);
    page.setStartFrame(1);
    page.setLevels(2);
    StackTraceResponse p = get(h.server.stackTrace(page));
    assertEquals(2, p.getStackFrames().length);
    assertEquals(3, p.getTotalFrames());
    assertEquals(f[1].getId(), p.getStackFrames()[0].getId());
    page.setStartFrame(5);
    assertEquals(0, get(h.server.stackTrace(page)).getStackFrames().length);
    StackTraceArguments bad = new StackTraceArguments();
    bad.setThreadId(7);
    assertTrue(error(h.server.stackTrace(bad)).contains("no thread 7"));
  }

  @Test
  void zeroBasedClientsGetZeroBasedLinesAndColumns() throws Exception {
    InitializeRequestArguments a = Harness.vscode();
    a.setLinesStartAt1(false);
    a.setColumnsStartAt1(false);
    get(h.server.initialize(a));
    get(h.server.launch(Map.of("coreFile", core.toString())));
    StackTraceArguments all = new StackTraceArguments();
    all.setThreadId(1);
    StackFrame level3 = get(h.server.stackTrace(all)).getStackFrames()[1];
    assertEquals(20, level3.getLine());
    assertEquals(21, level3.getColumn());
  }

  @Test
  void scopesAndVariablesWithPagingHexAndStableReferences() throws Exception {
    launch();
    ScopesArguments sa = new ScopesArguments();
    sa.setFrameId(101);
    Scope[] scopes = get(h.server.scopes(sa)).getScopes();
    assertEquals(List.of("Arguments", "Locals", "Globals", "Wasm"), List.of(scopes[0].getName(),
        scopes[1].getName(), scopes[2].getName(), scopes[3].getName()));
    assertEquals("arguments", scopes[0].getPresentationHint());
    assertTrue(scopes[2].isExpensive());
    assertEquals(scopes[0].getVariablesReference(), get(h.server.scopes(sa)).getScopes()[0].getVariablesReference(),
        "references are stable");

    VariablesArguments va = new VariablesArguments();
    va.setVariablesReference(scopes[0].getVariablesReference());
    Variable[] args = get(h.server.variables(va)).getVariables();
    assertEquals("n", args[0].getName());
    assertEquals("5", args[0].getValue());
    assertEquals("n", args[0].getEvaluateName());
    assertEquals(0, args[0].getVariablesReference());
    Variable p = args[1];
    assertEquals("0x1000", p.getMemoryReference());
    assertTrue(p.getVariablesReference() > 0);
    assertEquals(2, p.getNamedVariables());
    VariablesArguments members = new VariablesArguments();
    members.setVariablesReference(p.getVariablesReference());
    Variable[] m = get(h.server.variables(members)).getVariables();
    assertEquals("x", m[0].getName());
    assertEquals("p->x", m[0].getEvaluateName());

    ValueFormat hex = new ValueFormat();
    hex.setHex(true);
    va.setFormat(hex);
    assertEquals("0x5", get(h.server.variables(va)).getVariables()[0].getValue());

    VariablesArguments la = new VariablesArguments();
    la.setVariablesReference(scopes[1].getVariablesReference());
    Variable arr = get(h.server.variables(la)).getVariables()[0];
    assertEquals(300, arr.getIndexedVariables());
    VariablesArguments pageArgs = new VariablesArguments();
    pageArgs.setVariablesReference(arr.getVariablesReference());
    pageArgs.setFilter(VariablesArgumentsFilter.INDEXED);
    pageArgs.setStart(100);
    pageArgs.setCount(100);
    Variable[] page = get(h.server.variables(pageArgs)).getVariables();
    assertEquals(100, page.length);
    assertEquals("[100]", page[0].getName());
    assertEquals("1000", page[0].getValue());
    pageArgs.setStart(250);
    assertEquals(50, get(h.server.variables(pageArgs)).getVariables().length);
    VariablesArguments named = new VariablesArguments();
    named.setVariablesReference(arr.getVariablesReference());
    named.setFilter(VariablesArgumentsFilter.NAMED);
    assertEquals(0, get(h.server.variables(named)).getVariables().length);

    VariablesArguments unknown = new VariablesArguments();
    unknown.setVariablesReference(9999);
    assertTrue(error(h.server.variables(unknown)).contains("9999"));
  }

  @Test
  void evaluateInEveryContext() throws Exception {
    launch();
    EvaluateArguments e = new EvaluateArguments();
    e.setFrameId(101);
    e.setExpression("p->y");
    e.setContext("watch");
    EvaluateResponse watch = get(h.server.evaluate(e));
    assertEquals("9", watch.getResult());
    assertEquals("int", watch.getType());
    e.setContext("hover");
    e.setExpression("p");
    EvaluateResponse hover = get(h.server.evaluate(e));
    assertEquals("0x1000", hover.getMemoryReference());
    assertTrue(hover.getVariablesReference() > 0);
    e.setContext("clipboard");
    assertEquals("{x = 7, y = 9}", get(h.server.evaluate(e)).getResult());
    e.setContext("repl");
    e.setExpression("bt");
    assertTrue(get(h.server.evaluate(e)).getResult().contains("#1 level3"));
    e.setExpression("p p");
    EvaluateResponse printed = get(h.server.evaluate(e));
    assertTrue(printed.getResult().startsWith("$1 = "));
    assertTrue(printed.getVariablesReference() > 0);
    e.setContext("watch");
    e.setExpression("nosuch");
    assertTrue(error(h.server.evaluate(e)).contains("no symbol 'nosuch'"));
    JsonObject err = h.wire.await(m -> "response".equals(m.get("type").getAsString())
        && !m.get("success").getAsBoolean(), 1000);
    assertEquals(1008, err.getAsJsonObject("body").getAsJsonObject("error").get("id").getAsInt());
  }

  @Test
  void valuesAreNotHtmlEscaped() throws Exception {
    launch();
    EvaluateArguments e = new EvaluateArguments();
    e.setFrameId(101);
    e.setExpression("name");
    get(h.server.evaluate(e));
    ReadMemoryArguments r = new ReadMemoryArguments();
    r.setMemoryReference("0x0");
    r.setCount(1);
    get(h.server.readMemory(r));
    String wire = String.join("\n", h.wire.raw());
    assertTrue(wire.contains("a=b <c> & 'd'"), wire);
    assertTrue(wire.contains("\"data\":\"AA==\""), "base64 padding unescaped");
    assertFalse(wire.contains("\\u003d"));
  }

  @Test
  void readMemoryWithOffsetsAndUnreadableBytes() throws Exception {
    launch();
    ReadMemoryArguments r = new ReadMemoryArguments();
    r.setMemoryReference("0x1000");
    r.setCount(4);
    r.setOffset(-2);
    ReadMemoryResponse before = get(h.server.readMemory(r));
    assertEquals("0xffe", before.getAddress());
    byte[] data = Base64.getDecoder().decode(before.getData());
    assertEquals(4, data.length);
    assertEquals((byte) 0xfe, data[0]);
    assertNull(before.getUnreadableBytes());
    r.setOffset(0x7ffffff0);
    r.setCount(32);
    ReadMemoryResponse far = get(h.server.readMemory(r));
    assertEquals(32, far.getUnreadableBytes());
    assertEquals(0, Base64.getDecoder().decode(far.getData()).length);
    r.setMemoryReference("0xfff8");
    r.setOffset(0);
    r.setCount(16);
    ReadMemoryResponse edge = get(h.server.readMemory(r));
    assertEquals(8, Base64.getDecoder().decode(edge.getData()).length);
    assertEquals(8, edge.getUnreadableBytes());
    r.setMemoryReference("banana");
    assertTrue(error(h.server.readMemory(r)).contains("banana"));
  }

  @Test
  void disassembleAroundTheTrapMarksInvalidPositions() throws Exception {
    launch();
    DisassembleArguments d = new DisassembleArguments();
    d.setMemoryReference("0x104");
    d.setInstructionOffset(-4);
    d.setInstructionCount(16);
    d.setResolveSymbols(true);
    DisassembledInstruction[] ins = get(h.server.disassemble(d)).getInstructions();
    assertEquals(16, ins.length);
    assertEquals("0xfc", ins[0].getAddress());
    assertEquals(DisassembledInstructionPresentationHint.INVALID, ins[0].getPresentationHint());
    assertEquals("level3", ins[2].getSymbol());
    assertEquals("local.get 0", ins[4].getInstruction());
    assertEquals("/work/src/crash.c", ins[4].getLocation().getPath());
    assertEquals(20, ins[4].getLine());
  }

  @Test
  void exceptionInfoModulesSourcesAndBreakpoints() throws Exception {
    launch();
    ExceptionInfoArguments x = new ExceptionInfoArguments();
    x.setThreadId(1);
    ExceptionInfoResponse info = get(h.server.exceptionInfo(x));
    assertEquals("memory-access-out-of-bounds", info.getExceptionId());
    assertEquals("memory access out of bounds", info.getDescription());
    assertTrue(info.getDetails().getMessage().contains("core::panicking::panic"), info.getDetails().getMessage());
    assertTrue(info.getDetails().getStackTrace().contains("#1 level3 at /work/src/crash.c:21:22"));

    var modules = get(h.server.modules(new ModulesArguments())).getModules();
    assertEquals("crash.wasm", modules[0].getName());
    assertTrue(modules[0].getSymbolStatus().contains("build id c0ffee"));
    assertTrue(modules[0].getSymbolStatus().endsWith("; dump: V8 capture, tool-conventions Coredump.md"),
        modules[0].getSymbolStatus());

    Source[] sources = get(h.server.loadedSources(new LoadedSourcesArguments())).getSources();
    assertEquals("crash.c", sources[0].getName());
    assertEquals(SourcePresentationHint.DEEMPHASIZE, sources[1].getPresentationHint());

    SourceArguments sa = new SourceArguments();
    Source s = new Source();
    s.setPath("/rustc/abc/library/core/src/panicking.rs");
    sa.setSource(s);
    assertTrue(error(h.server.source(sa)).contains("sourceMap"));

    SetBreakpointsArguments b = new SetBreakpointsArguments();
    b.setSource(s);
    SourceBreakpoint bp = new SourceBreakpoint();
    bp.setLine(30);
    b.setBreakpoints(new SourceBreakpoint[] {bp, bp});
    SetBreakpointsResponse br = get(h.server.setBreakpoints(b));
    assertEquals(2, br.getBreakpoints().length);
    assertFalse(br.getBreakpoints()[0].isVerified());
    assertEquals(30, br.getBreakpoints()[0].getLine());
    assertTrue(br.getBreakpoints()[0].getMessage().contains("nothing runs"));

    ContinueArguments c = new ContinueArguments();
    c.setThreadId(1);
    assertTrue(error(h.server.continue_(c)).contains("cannot resume"));
  }

  @Test
  void errorsCarryAMessageAndADapErrorBody() throws Exception {
    get(h.server.initialize(Harness.vscode()));
    String message = error(h.server.launch(Map.of("program", "x.wasm")));
    assertTrue(message.contains("'coreFile' is required"), message);
    JsonObject err = h.wire.await(WireRecorder.response("launch"), 1000);
    JsonObject body = err.getAsJsonObject("body").getAsJsonObject("error");
    assertEquals(message, body.get("format").getAsString());
    assertTrue(body.get("showUser").getAsBoolean());
    assertEquals(1002, body.get("id").getAsInt());
    StackTraceArguments st = new StackTraceArguments();
    st.setThreadId(1);
    assertTrue(error(h.server.stackTrace(st)).contains("no core dump is open"));
  }

  @Test
  void launchRejectsMissingFilesAndSecondLaunch() throws Exception {
    get(h.server.initialize(Harness.vscode()));
    String missing = error(h.server.launch(Map.of("coreFile", dir.resolve("nope.core").toString())));
    assertTrue(missing.contains("does not exist"), missing);
    String badProgram = error(h.server.launch(Map.of("coreFile", core.toString(), "program", List.of(3))));
    assertTrue(badProgram.contains("'program'"), badProgram);
    get(h.server.launch(Map.of("coreFile", core.toString())));
    String second = error(h.server.attach(Map.of("coreFile", core.toString())));
    assertTrue(second.contains("already opened"), second);
  }

  @Test
  void disconnectClosesTheSessionSendsTerminatedAndEndsTheConnection() throws Exception {
    launch();
    DisconnectArguments d = new DisconnectArguments();
    get(h.server.disconnect(d));
    h.wire.await(WireRecorder.event("terminated"), 1000);
    h.ended.get(T, TimeUnit.SECONDS);
    assertTrue(opened.get().isClosed());
    assertTrue(h.wire.indexOf(WireRecorder.response("disconnect")) < h.wire.indexOf(
        WireRecorder.event("terminated")));
  }

  @Test
  void terminateEndsTheSessionButKeepsTheConnectionForDisconnect() throws Exception {
    launch();
    get(h.server.terminate(new org.eclipse.lsp4j.debug.TerminateArguments()));
    h.wire.await(WireRecorder.event("terminated"), 1000);
    assertTrue(opened.get().isClosed());
    assertFalse(h.ended.isDone());
    StackTraceArguments st = new StackTraceArguments();
    st.setThreadId(1);
    assertTrue(error(h.server.stackTrace(st)).contains("no core dump is open"));
    get(h.server.disconnect(new DisconnectArguments()));
    h.ended.get(T, TimeUnit.SECONDS);
    assertEquals(1, h.wire.messages().stream().filter(WireRecorder.event("terminated")).count());
  }

  @Test
  void theEndOfInputEndsTheConnectionAndClosesTheSession() throws Exception {
    launch();
    h.closeInput();
    h.ended.get(T, TimeUnit.SECONDS);
    assertTrue(opened.get().isClosed());
  }
}
