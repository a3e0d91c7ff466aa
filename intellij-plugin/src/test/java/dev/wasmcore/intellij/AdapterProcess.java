package dev.wasmcore.intellij;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A spawned adapter process for the tests: stderr to a file, stopped (forcibly if need be) on close. */
final class AdapterProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("DAP server listening at: (\\S+):(\\d+)");

  final Process process;
  final Path stderr;

  AdapterProcess(List<String> command, Path workDir) throws IOException {
    stderr = Files.createTempFile("wasmcore-adapter", ".stderr");
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    process = pb.start();
  }

  /** Tokenises a command line the way LSP4IJ does: spaces separate, double quotes group. */
  static List<String> tokenize(String commandLine) {
    List<String> out = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (char c : commandLine.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (!part.isEmpty()) {
          out.add(part.toString());
          part.setLength(0);
        }
      } else {
        part.append(c);
      }
    }
    if (!part.isEmpty()) {
      out.add(part.toString());
    }
    return out;
  }

  /** Reads stdout lines until the server's ready line and returns its address. */
  InetSocketAddress awaitListening(Duration timeout) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<InetSocketAddress> ready = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          Matcher m = READY.matcher(line);
          if (m.find()) {
            return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
          }
        }
        throw new IllegalStateException("the server ended without a ready line; stderr: " + stderrText());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs {@link PostMortemSession#run} on a client connected to this adapter (its stdio, or a socket to it as a
   * server), with the sample's watch expression; a failed check carries this adapter's stderr.
   */
  PostMortemSession.Result session(DapClient dap, String request, java.util.Map<String, Object> arguments)
      throws Exception {
    try {
      return PostMortemSession.run(dap, request, arguments, Sample.WATCH);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nadapter stderr:\n" + stderrText(), e);
    }
  }

  String stderrText() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    Files.deleteIfExists(stderr);
  }
}
