package dev.wasmcore.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap readings of a running child JVM through {@code jcmd} (of the child's own runtime): the heap in use now, and
 * after a full collection (the retained heap: what the open sessions keep alive).
 */
public final class JvmProbe {
  private static final Pattern USED = Pattern.compile(
      "(garbage-first heap|def new generation|tenured generation|DefNew|Tenured|PSYoungGen|ParOldGen)[^\\n]*?"
          + "(?:total|capacity)?[^\\n]*?used (\\d+)([KM])");

  private final Path jcmd;

  public JvmProbe(Path jcmd) {
    this.jcmd = jcmd;
  }

  /** Heap in use (bytes), -1 when it cannot be read. */
  public long heapUsed(long pid) {
    String out = jcmd(pid, "GC.heap_info");
    long sum = 0;
    boolean any = false;
    Matcher m = USED.matcher(out);
    while (m.find()) {
      long v = Long.parseLong(m.group(2));
      sum += m.group(3).equals("K") ? v << 10 : v << 20;
      any = true;
    }
    return any ? sum : -1;
  }

  /** Runs a full collection, then reads the heap in use: the retained heap. */
  public long retainedHeap(long pid) {
    jcmd(pid, "GC.run");
    return heapUsed(pid);
  }

  private String jcmd(long pid, String command) {
    List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid), command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
