package dev.wasmcore.dap.handler;

import com.google.gson.JsonObject;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.session.LaunchArguments;
import dev.wasmcore.dap.session.LaunchProgress;
import dev.wasmcore.dap.session.OpenSession;
import dev.wasmcore.dap.session.SessionOpener;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.ProgressListener;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * {@code launch} and {@code attach} (the same: some clients only offer attach): validates the arguments, opens the
 * dump with progress and cancellation, and, when {@code configurationDone} came already, announces the crash after
 * the response. One launch per connection.
 */
public final class LaunchHandler implements RequestHandler<JsonObject> {
  private final ConnectionState state;
  private final IDebugProtocolClient client;
  private final SessionOpener opener;
  private final FileAccessPolicy policy;
  private final ScheduledExecutorService scheduler;
  private final CrashAnnouncer announcer;
  private final Consumer<String> log;

  public LaunchHandler(ConnectionState state, IDebugProtocolClient client, SessionOpener opener,
      FileAccessPolicy policy, ScheduledExecutorService scheduler, CrashAnnouncer announcer, Consumer<String> log) {
    this.state = state;
    this.client = client;
    this.opener = opener;
    this.policy = policy;
    this.scheduler = scheduler;
    this.announcer = announcer;
    this.log = log;
  }

  @Override
  public List<String> commands() {
    return List.of("launch", "attach");
  }

  @Override
  public Class<JsonObject> argumentsType() {
    return JsonObject.class;
  }

  @Override
  public Object handle(JsonObject args, Request request) {
    String command = request.command();
    SessionOptions options = LaunchArguments.parse(command, args, state.conventions(), policy);
    state.beginLaunch(command);
    LaunchProgress progress = new LaunchProgress(client, state.progressReporting(), request.seq(),
        "Opening core dump " + options.coreFile().getFileName());
    state.launching(progress);
    progress.begin(scheduler);
    DebugSession session;
    try {
      session = opener.open(options, progress);
    } catch (ProgressListener.CancelledException e) {
      state.launchFailed();
      progress.finish("cancelled");
      throw new DapException(ErrorId.CANCELLED, "cancelled");
    } catch (SessionException e) {
      state.launchFailed();
      progress.finish("failed");
      throw new DapException(ErrorId.LAUNCH_FAILED, "cannot open " + options.coreFile().getFileName() + ": "
          + e.getMessage());
    } catch (RuntimeException e) {
      state.launchFailed();
      progress.finish("failed");
      log.accept("launch failed: " + e);
      throw new DapException(ErrorId.LAUNCH_FAILED, "cannot open " + options.coreFile().getFileName()
          + ": internal error (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    progress.finish(null);
    if (progress.isCancelled() || !state.opened(new OpenSession(session))) {
      throw new DapException(ErrorId.CANCELLED, "cancelled");
    }
    request.afterResponse(announcer::announceIfReady);
    return null;
  }
}
