package dev.wasmcore.intellij;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a "wasmcore core dump" run configuration collects, and its mapping to the arguments of the adapter's DAP
 * {@code launch} / {@code attach} request ({@code coreFile}, {@code program}, {@code debugInfoPaths},
 * {@code sourceMap}, {@code sourceSearchPaths}).
 *
 * <p>Plain Java, so the mapping is unit-tested without an IDE. The run configuration stores it through
 * {@link #writeTo(FieldStore)} / {@link #readFrom(FieldStore)}, one {@code <option>} per value (lists as indexed
 * names: {@code program.0}, {@code program.1}, ...), so no value ever needs a separator that a path could contain.
 */
public final class WasmcoreLaunchSettings {
  /** The {@code type} of the launch arguments, as in the VS Code extension and the LSP4IJ template. */
  public static final String DEBUG_TYPE = "wasmcore";
  /** The host a remote server is assumed on when none is given. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The port offered for a remote server when none is given. */
  public static final int DEFAULT_PORT = 4711;
  /** Upper bound of list entries read back from storage (a corrupt file must not loop for long). */
  static final int MAX_ENTRIES = 1024;

  private String coreFile = "";
  private final List<String> programs = new ArrayList<>();
  private final List<String> debugInfoPaths = new ArrayList<>();
  private final Map<String, String> sourceMap = new LinkedHashMap<>();
  private final List<String> sourceSearchPaths = new ArrayList<>();
  private boolean remote;
  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;

  /** Where settings are stored: a name/value store (the run configuration's XML element in the IDE). */
  public interface FieldStore {
    /** Stores {@code value} under {@code name}. */
    void put(String name, String value);

    /** The value stored under {@code name}, or null. */
    String get(String name);
  }

  /** A deep copy (the IDE clones run configurations while their editor is open). */
  public WasmcoreLaunchSettings copy() {
    WasmcoreLaunchSettings c = new WasmcoreLaunchSettings();
    c.coreFile = coreFile;
    c.programs.addAll(programs);
    c.debugInfoPaths.addAll(debugInfoPaths);
    c.sourceMap.putAll(sourceMap);
    c.sourceSearchPaths.addAll(sourceSearchPaths);
    c.remote = remote;
    c.host = host;
    c.port = port;
    return c;
  }

  public String getCoreFile() {
    return coreFile;
  }

  public void setCoreFile(String coreFile) {
    this.coreFile = coreFile == null ? "" : coreFile.trim();
  }

  /** The module paths ({@code program}): none (the adapter looks next to the dump), one, or several. */
  public List<String> getPrograms() {
    return List.copyOf(programs);
  }

  public void setPrograms(List<String> values) {
    replace(programs, values);
  }

  public List<String> getDebugInfoPaths() {
    return List.copyOf(debugInfoPaths);
  }

  public void setDebugInfoPaths(List<String> values) {
    replace(debugInfoPaths, values);
  }

  /** Prefix as compiled to prefix on this machine, in the user's order. */
  public Map<String, String> getSourceMap() {
    return new LinkedHashMap<>(sourceMap);
  }

  public void setSourceMap(Map<String, String> map) {
    sourceMap.clear();
    if (map != null) {
      map.forEach((from, to) -> {
        if (from != null && !from.isBlank()) {
          sourceMap.put(from.trim(), to == null ? "" : to.trim());
        }
      });
    }
  }

  public List<String> getSourceSearchPaths() {
    return List.copyOf(sourceSearchPaths);
  }

  public void setSourceSearchPaths(List<String> values) {
    replace(sourceSearchPaths, values);
  }

  /** True to connect to a wasmcore server already running ({@code wasmcore dap --port N}) instead of starting one. */
  public boolean isRemote() {
    return remote;
  }

  public void setRemote(boolean remote) {
    this.remote = remote;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  /**
   * Checks what the adapter needs before anything starts.
   *
   * @return the problem to show the user, or null when the settings can run
   */
  public String problem() {
    if (coreFile.isEmpty()) {
      return "Choose the core dump file (coreFile).";
    }
    if (remote && (port < 1 || port > 65535)) {
      return "The port of the remote wasmcore server must be between 1 and 65535, not " + port + ".";
    }
    for (String from : sourceMap.keySet()) {
      if (sourceMap.get(from).isEmpty()) {
        return "The source map entry '" + from + "' has no local path (write it as compiled=local).";
      }
    }
    return null;
  }

  /**
   * The arguments of the DAP request, as the adapter reads them.
   *
   * @param name the session name (the run configuration's name)
   * @return {@code type}, {@code request} ({@code attach} for a remote server, else {@code launch}), {@code name},
   *     {@code coreFile}, and {@code program} (a string for one module, a list for several),
   *     {@code debugInfoPaths}, {@code sourceMap}, {@code sourceSearchPaths} when set
   */
  public Map<String, Object> toDapParameters(String name) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", DEBUG_TYPE);
    p.put("request", remote ? "attach" : "launch");
    p.put("name", name == null || name.isBlank() ? "wasmcore core dump" : name);
    p.put("coreFile", coreFile);
    if (programs.size() == 1) {
      p.put("program", programs.get(0));
    } else if (!programs.isEmpty()) {
      p.put("program", List.copyOf(programs));
    }
    if (!debugInfoPaths.isEmpty()) {
      p.put("debugInfoPaths", List.copyOf(debugInfoPaths));
    }
    if (!sourceMap.isEmpty()) {
      p.put("sourceMap", new LinkedHashMap<>(sourceMap));
    }
    if (!sourceSearchPaths.isEmpty()) {
      p.put("sourceSearchPaths", List.copyOf(sourceSearchPaths));
    }
    return p;
  }

  /** Writes every value as one field. */
  public void writeTo(FieldStore store) {
    store.put("coreFile", coreFile);
    writeList(store, "program", programs);
    writeList(store, "debugInfoPath", debugInfoPaths);
    int i = 0;
    for (Map.Entry<String, String> e : sourceMap.entrySet()) {
      store.put("sourceMap." + i + ".from", e.getKey());
      store.put("sourceMap." + i + ".to", e.getValue());
      i++;
    }
    writeList(store, "sourceSearchPath", sourceSearchPaths);
    store.put("remote", Boolean.toString(remote));
    store.put("host", host);
    store.put("port", Integer.toString(port));
  }

  /** Reads what {@link #writeTo} wrote; absent fields keep their defaults, a malformed port falls back to 4711. */
  public void readFrom(FieldStore store) {
    setCoreFile(store.get("coreFile"));
    setPrograms(readList(store, "program"));
    setDebugInfoPaths(readList(store, "debugInfoPath"));
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < MAX_ENTRIES; i++) {
      String from = store.get("sourceMap." + i + ".from");
      if (from == null) {
        break;
      }
      map.put(from, Objects.requireNonNullElse(store.get("sourceMap." + i + ".to"), ""));
    }
    setSourceMap(map);
    setSourceSearchPaths(readList(store, "sourceSearchPath"));
    setRemote(Boolean.parseBoolean(store.get("remote")));
    setHost(store.get("host"));
    String p = store.get("port");
    try {
      setPort(p == null ? DEFAULT_PORT : Integer.parseInt(p.trim()));
    } catch (NumberFormatException e) {
      setPort(DEFAULT_PORT);
    }
  }

  private static void writeList(FieldStore store, String name, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      store.put(name + "." + i, values.get(i));
    }
  }

  private static List<String> readList(FieldStore store, String name) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < MAX_ENTRIES; i++) {
      String v = store.get(name + "." + i);
      if (v == null) {
        break;
      }
      values.add(v);
    }
    return values;
  }

  private static void replace(List<String> target, List<String> values) {
    target.clear();
    if (values != null) {
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          target.add(v.trim());
        }
      }
    }
  }
}
