package dev.wasmcore.dap.session;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.inspect.Limits;
import dev.wasmcore.inspect.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code launch} / {@code attach} arguments, validated by hand so that each mistake gets a message saying what
 * to fix:
 * <pre>
 * coreFile          string, required: the core dump
 * program           string or array of strings: the module(s); optional when the dump names a module found next to it
 * debugInfoPaths    string or array of strings: directories searched for external DWARF
 * sourceMap         object {compiled prefix: local prefix}
 * sourceSearchPaths string or array of strings: directories searched for sources
 * limits            object {maxStringLength, maxArrayElements, maxExpressionDepth, maxDieNesting, maxBytesPerRequest}
 * cwd               string: base of relative paths (default: the server's working directory)
 * </pre>
 * Other keys (VS Code adds {@code name}, {@code type}, {@code request}, {@code __sessionId}, ...) are ignored.
 */
public final class LaunchArguments {
  private LaunchArguments() {}

  /** Validates the arguments, applies the access policy, and checks the files exist. */
  public static SessionOptions parse(String command, JsonObject args, ClientConventions conventions,
      FileAccessPolicy policy) {
    Parser p = new Parser(command, args == null ? new JsonObject() : args, conventions, policy);
    return p.options();
  }

  private static final class Parser {
    private final String command;
    private final JsonObject args;
    private final ClientConventions conventions;
    private final FileAccessPolicy policy;
    private Path base;

    Parser(String command, JsonObject args, ClientConventions conventions, FileAccessPolicy policy) {
      this.command = command;
      this.args = args;
      this.conventions = conventions;
      this.policy = policy;
    }

    SessionOptions options() {
      String cwd = optionalString("cwd");
      base = cwd == null ? null : conventions.fromClientPath("cwd", cwd);
      String core = optionalString("coreFile");
      if (core == null || core.isBlank()) {
        throw invalid("'coreFile' is required: set it to the path of the core dump to open (for example "
            + "\"coreFile\": \"${workspaceFolder}/crash.core\")");
      }
      Path coreFile = existingFile("coreFile", core);
      List<Path> programs = new ArrayList<>();
      for (String program : stringList("program")) {
        programs.add(existingFile("program", program));
      }
      List<Path> debugInfoPaths = directories("debugInfoPaths");
      List<Path> sourceSearchPaths = directories("sourceSearchPaths");
      Map<String, String> sourceMap = sourceMap();
      Limits limits = limits();
      return new SessionOptions(coreFile, programs, debugInfoPaths, sourceMap, sourceSearchPaths, limits);
    }

    private Path path(String what, String value) {
      Path p = conventions.fromClientPath(what, value);
      if (!p.isAbsolute() && base != null) {
        p = base.resolve(p);
      }
      return policy.check(what, p.toAbsolutePath().normalize());
    }

    private Path existingFile(String what, String value) {
      Path p = path(what, value);
      if (!Files.exists(p)) {
        throw invalid("'" + what + "' " + p + " does not exist; check the path in the launch configuration");
      }
      if (!Files.isRegularFile(p)) {
        throw invalid("'" + what + "' " + p + " is not a file");
      }
      return p;
    }

    private List<Path> directories(String what) {
      List<Path> out = new ArrayList<>();
      for (String value : stringList(what)) {
        out.add(path(what, value));
      }
      return out;
    }

    private Map<String, String> sourceMap() {
      JsonElement e = args.get("sourceMap");
      if (e == null || e.isJsonNull()) {
        return Map.of();
      }
      if (!e.isJsonObject()) {
        throw invalid("'sourceMap' must be an object mapping a compiled path prefix to a local one, for example "
            + "\"sourceMap\": {\"/build/src\": \"${workspaceFolder}/src\"}");
      }
      Map<String, String> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
        JsonElement v = entry.getValue();
        if (!isString(v)) {
          throw invalid("'sourceMap' entry '" + entry.getKey() + "' must map to a string (a local path prefix)");
        }
        String local = v.getAsString();
        if (local.startsWith("file:")) {
          local = conventions.fromClientPath("sourceMap", local).toString();
        }
        map.put(entry.getKey(), local);
      }
      return map;
    }

    private Limits limits() {
      JsonElement e = args.get("limits");
      if (e == null || e.isJsonNull()) {
        return Limits.defaults();
      }
      if (!e.isJsonObject()) {
        throw invalid("'limits' must be an object, for example \"limits\": {\"maxStringLength\": 4096}");
      }
      JsonObject o = e.getAsJsonObject();
      Limits d = Limits.defaults();
      for (String key : o.keySet()) {
        if (!List.of("maxStringLength", "maxArrayElements", "maxExpressionDepth", "maxDieNesting",
            "maxBytesPerRequest").contains(key)) {
          throw invalid("'limits." + key + "' is not a known limit; known: maxStringLength, maxArrayElements, "
              + "maxExpressionDepth, maxDieNesting, maxBytesPerRequest");
        }
      }
      return new Limits(
          (int) positive(o, "maxStringLength", d.maxStringLength(), Integer.MAX_VALUE),
          (int) positive(o, "maxArrayElements", d.maxArrayElements(), Integer.MAX_VALUE),
          (int) positive(o, "maxExpressionDepth", d.maxExpressionDepth(), Integer.MAX_VALUE),
          (int) positive(o, "maxDieNesting", d.maxDieNesting(), Integer.MAX_VALUE),
          positive(o, "maxBytesPerRequest", d.maxBytesPerRequest(), Long.MAX_VALUE));
    }

    private long positive(JsonObject o, String key, long fallback, long max) {
      JsonElement v = o.get(key);
      if (v == null || v.isJsonNull()) {
        return fallback;
      }
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
        throw invalid("'limits." + key + "' must be a positive integer");
      }
      double d = v.getAsDouble();
      if (d < 1 || d != Math.rint(d) || d > max) {
        throw invalid("'limits." + key + "' must be a positive integer no larger than " + max);
      }
      return v.getAsLong();
    }

    private String optionalString(String key) {
      JsonElement e = args.get(key);
      if (e == null || e.isJsonNull()) {
        return null;
      }
      if (!isString(e)) {
        throw invalid("'" + key + "' must be a string (a path)");
      }
      return e.getAsString();
    }

    private List<String> stringList(String key) {
      JsonElement e = args.get(key);
      if (e == null || e.isJsonNull()) {
        return List.of();
      }
      if (isString(e)) {
        return e.getAsString().isBlank() ? List.of() : List.of(e.getAsString());
      }
      if (!e.isJsonArray()) {
        throw invalid("'" + key + "' must be a path or an array of paths");
      }
      List<String> out = new ArrayList<>();
      for (JsonElement item : e.getAsJsonArray()) {
        if (!isString(item) || item.getAsString().isBlank()) {
          throw invalid("'" + key + "' must contain only non-empty strings (paths)");
        }
        out.add(item.getAsString());
      }
      return out;
    }

    private DapException invalid(String message) {
      return new DapException(ErrorId.INVALID_ARGUMENTS, command + ": " + message);
    }

    private static boolean isString(JsonElement e) {
      return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }
  }
}
