package dev.wasmcore.dap.session;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import java.util.Set;

/**
 * The life of one client connection: {@code initialize} (once, first), {@code launch}/{@code attach} (once),
 * {@code configurationDone}, the end. It also holds what {@code initialize} told about the client and the session
 * once it is open. Every field is written by the connection's worker and read by the reader thread only for
 * {@link #cancel}, hence the volatile fields.
 */
public final class ConnectionState {
  /** Commands accepted before {@code initialize}. */
  private static final Set<String> BEFORE_INITIALIZE = Set.of("initialize", "disconnect", "terminate", "cancel");

  private volatile ClientConventions conventions;
  private volatile boolean progressReporting;
  private volatile boolean launchStarted;
  private volatile boolean configured;
  private volatile OpenSession session;
  private volatile LaunchProgress progress;
  private volatile boolean ended;

  /** Refuses commands that come too early; called for every request before its handler. */
  public void admit(String command) {
    if (conventions == null && !BEFORE_INITIALIZE.contains(command)) {
      throw new DapException(ErrorId.NOT_INITIALIZED, "'" + command
          + "' before 'initialize': the client must send 'initialize' first");
    }
  }

  /** Records {@code initialize}; a second one is refused. */
  public synchronized void initialized(ClientConventions conventions, boolean progressReporting) {
    if (this.conventions != null) {
      throw new DapException(ErrorId.ALREADY_LAUNCHED, "'initialize' was already sent on this connection");
    }
    this.conventions = conventions;
    this.progressReporting = progressReporting;
  }

  public ClientConventions conventions() {
    ClientConventions c = conventions;
    return c == null ? ClientConventions.DEFAULT : c;
  }

  public boolean progressReporting() {
    return progressReporting;
  }

  /** Claims the one launch of this connection. */
  public synchronized void beginLaunch(String command) {
    if (launchStarted) {
      throw new DapException(ErrorId.ALREADY_LAUNCHED, command
          + ": this debug session already opened a core dump; start a new debug session to open another");
    }
    launchStarted = true;
  }

  public void launching(LaunchProgress p) {
    progress = p;
  }

  /** Records the open session, or closes it when the connection ended meanwhile (then returns false). */
  public synchronized boolean opened(OpenSession s) {
    progress = null;
    if (ended) {
      s.close();
      return false;
    }
    session = s;
    return true;
  }

  public void launchFailed() {
    progress = null;
  }

  /** Marks configurationDone; returns whether it came for the first time. */
  public synchronized boolean configure() {
    boolean first = !configured;
    configured = true;
    return first;
  }

  public boolean configured() {
    return configured;
  }

  /** The open session, or an error telling the client to launch first. */
  public OpenSession session() {
    OpenSession s = session;
    if (s == null) {
      throw new DapException(ErrorId.NO_SESSION, "no core dump is open: send 'launch' with 'coreFile' first");
    }
    return s;
  }

  public boolean hasSession() {
    return session != null;
  }

  /**
   * A {@code cancel} request: cancels the running launch when it names its progress or its request.
   *
   * @return true when something was cancelled
   */
  public boolean cancel(String progressId, Integer requestId) {
    LaunchProgress p = progress;
    if (p == null) {
      return false;
    }
    boolean match = progressId != null ? progressId.equals(p.progressId())
        : requestId != null && requestId == p.requestSeq();
    if (match) {
      p.cancel();
    }
    return match;
  }

  /** Stops a running launch (the client disconnects while the dump is being opened). */
  public void cancelRunningLaunch() {
    LaunchProgress p = progress;
    if (p != null) {
      p.cancel();
    }
  }

  /** The connection is over: a running launch stops, the session is closed. Idempotent. */
  public synchronized void end() {
    ended = true;
    LaunchProgress p = progress;
    if (p != null) {
      p.cancel();
    }
    OpenSession s = session;
    session = null;
    if (s != null) {
      s.close();
    }
  }

  public boolean ended() {
    return ended;
  }
}
