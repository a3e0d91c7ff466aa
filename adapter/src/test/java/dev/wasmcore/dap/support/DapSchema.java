package dev.wasmcore.dap.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates DAP messages against the official JSON schema (draft-04): the subset of keywords that
 * debugAdapterProtocol.json uses ({@code $ref}, {@code allOf}, {@code oneOf}, {@code type}, {@code enum},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code minimum},
 * {@code maximum}, and the integer {@code format}s). {@code _enum} is an open enum (documentation only) and is not
 * checked, as the DAP specification says. The definition is chosen per message like dap-check does:
 * {@code XResponse} / {@code ErrorResponse} / {@code XEvent} / {@code XRequest}, else the generic one.
 */
public final class DapSchema {
  private final JsonObject definitions;

  private DapSchema(JsonObject root) {
    this.definitions = root.getAsJsonObject("definitions");
  }

  /** The schema at {@code shared/dap/debugAdapterProtocol.json} next to the corpus, or null when absent. */
  public static DapSchema locate() {
    String corpus = System.getProperty("wasmcore.corpus");
    Path candidate = corpus != null ? Path.of(corpus).resolveSibling("dap").resolve("debugAdapterProtocol.json")
        : Path.of("../../shared/dap/debugAdapterProtocol.json");
    if (!Files.isRegularFile(candidate)) {
      return null;
    }
    try {
      return new DapSchema(JsonParser.parseString(Files.readString(candidate)).getAsJsonObject());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The definition name a message must satisfy. */
  public String definitionFor(JsonObject msg) {
    String type = string(msg, "type");
    String name;
    if ("response".equals(type)) {
      JsonElement success = msg.get("success");
      boolean ok = success != null && success.isJsonPrimitive() && success.getAsBoolean();
      name = ok ? cap(string(msg, "command")) + "Response" : "ErrorResponse";
      return definitions.has(name) ? name : "Response";
    }
    if ("event".equals(type)) {
      name = cap(string(msg, "event")) + "Event";
      return definitions.has(name) ? name : "Event";
    }
    if ("request".equals(type)) {
      name = cap(string(msg, "command")) + "Request";
      return definitions.has(name) ? name : "Request";
    }
    return "ProtocolMessage";
  }

  /** Problems of a message; empty when valid. */
  public List<String> validate(JsonObject msg) {
    String def = definitionFor(msg);
    List<String> problems = new ArrayList<>();
    check(msg, definitions.getAsJsonObject(def), def, "", problems, 0);
    return problems;
  }

  private void check(JsonElement value, JsonObject schema, String def, String where, List<String> problems,
      int depth) {
    if (depth > 64) {
      problems.add(def + " " + where + ": schema nesting too deep");
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").getAsString();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      check(value, definitions.getAsJsonObject(name), def, where, problems, depth + 1);
    }
    if (schema.has("allOf")) {
      for (JsonElement sub : schema.getAsJsonArray("allOf")) {
        check(value, sub.getAsJsonObject(), def, where, problems, depth + 1);
      }
    }
    if (schema.has("oneOf")) {
      int matches = 0;
      for (JsonElement sub : schema.getAsJsonArray("oneOf")) {
        List<String> p = new ArrayList<>();
        check(value, sub.getAsJsonObject(), def, where, p, depth + 1);
        if (p.isEmpty()) {
          matches++;
        }
      }
      if (matches != 1) {
        problems.add(def + " " + where + ": matches " + matches + " of oneOf");
      }
    }
    if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
      problems.add(def + " " + where + ": " + value + " is not of type " + schema.get("type"));
      return;
    }
    if (schema.has("enum") && !schema.getAsJsonArray("enum").contains(value)) {
      problems.add(def + " " + where + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
      double d = value.getAsDouble();
      if (schema.has("minimum") && d < schema.get("minimum").getAsDouble()) {
        problems.add(def + " " + where + ": " + value + " below minimum " + schema.get("minimum"));
      }
      if (schema.has("maximum") && d > schema.get("maximum").getAsDouble()) {
        problems.add(def + " " + where + ": " + value + " above maximum " + schema.get("maximum"));
      }
      if (schema.has("format")) {
        String f = schema.get("format").getAsString();
        boolean ok = switch (f) {
          case "int32" -> d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE;
          case "uint32" -> d == Math.rint(d) && d >= 0 && d <= 4294967295.0;
          case "int64" -> d == Math.rint(d);
          case "uint64" -> d == Math.rint(d) && d >= 0;
          default -> true;
        };
        if (!ok) {
          problems.add(def + " " + where + ": " + value + " is not " + f);
        }
      }
    }
    if (value.isJsonObject()) {
      JsonObject o = value.getAsJsonObject();
      JsonObject props = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
      if (schema.has("required")) {
        for (JsonElement r : schema.getAsJsonArray("required")) {
          if (!o.has(r.getAsString())) {
            problems.add(def + " " + where + ": missing required '" + r.getAsString() + "'");
          }
        }
      }
      for (Map.Entry<String, JsonElement> e : o.entrySet()) {
        String w = where + "/" + e.getKey();
        if (props.has(e.getKey())) {
          check(e.getValue(), props.getAsJsonObject(e.getKey()), def, w, problems, depth + 1);
        } else if (schema.has("additionalProperties")) {
          JsonElement ap = schema.get("additionalProperties");
          if (ap.isJsonPrimitive() && !ap.getAsBoolean()) {
            problems.add(def + " " + w + ": additional property not allowed");
          } else if (ap.isJsonObject()) {
            check(e.getValue(), ap.getAsJsonObject(), def, w, problems, depth + 1);
          }
        }
      }
    }
    if (value.isJsonArray() && schema.has("items")) {
      JsonArray a = value.getAsJsonArray();
      for (int i = 0; i < a.size(); i++) {
        check(a.get(i), schema.getAsJsonObject("items"), def, where + "/" + i, problems, depth + 1);
      }
    }
  }

  private static boolean typeMatches(JsonElement value, JsonElement type) {
    if (type.isJsonArray()) {
      for (JsonElement t : type.getAsJsonArray()) {
        if (typeMatches(value, t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.getAsString();
    return switch (t) {
      case "null" -> value.isJsonNull();
      case "object" -> value.isJsonObject();
      case "array" -> value.isJsonArray();
      case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
      case "boolean" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
      case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
      case "integer" -> isInteger(value);
      default -> true;
    };
  }

  private static boolean isInteger(JsonElement value) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return false;
    }
    JsonPrimitive p = value.getAsJsonPrimitive();
    double d = p.getAsDouble();
    return d == Math.rint(d) && !Double.isInfinite(d);
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
