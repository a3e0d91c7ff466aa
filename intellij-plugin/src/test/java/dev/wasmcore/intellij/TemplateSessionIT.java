package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The LSP4IJ template works without the plugin: the command line it declares ({@code adapter/wasmcore dap}, with
 * LSP4IJ's placeholder filled in as the README tells the user) starts a server that opens the project sample from
 * the template's launch JSON over stdio; and a server started with {@code --port 0} is reached with the template's
 * attach JSON and address/port rules.
 */
class TemplateSessionIT {
  private static final String PLACEHOLDER = "<<insert wasmcore directory>>";

  /** The template's command for this OS, with the placeholder replaced by the checkout. */
  static List<String> templateCommand() throws Exception {
    JsonObject launch = TemplateFormatTest.json("template.json").getAsJsonObject("launch");
    boolean windows = File.separatorChar == '\\';
    String line = launch.get(windows ? "windows" : "default").getAsString();
    return AdapterProcess.tokenize(line.replace(PLACEHOLDER, Sample.ROOT.toString()));
  }

  /** The launch JSON as LSP4IJ sends it: ${file} is the dump, ${workspaceFolder} the project (backslashes doubled). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> substitute(String json) {
    String text = json.replace("${file}", Sample.CORE.toString().replace("\\", "\\\\"))
        .replace("${workspaceFolder}", Sample.ROOT.toString().replace("\\", "\\\\"));
    return new Gson().fromJson(text, Map.class);
  }

  @Test
  void templateCommandLineOpensTheSampleOverStdio() throws Exception {
    Sample.assertPresent();
    List<String> command = templateCommand();
    assertEquals("dap", command.get(command.size() - 1));
    Map<String, Object> args = substitute(Files.readString(TemplateFormatTest.DIR.resolve("launch.json")));
    try (AdapterProcess adapter = new AdapterProcess(command, Sample.ROOT);
        DapClient dap = new DapClient(adapter.process.getInputStream(), adapter.process.getOutputStream())) {
      PostMortemSession.Result r = adapter.session(dap, "launch", args);
      Sample.assertTopFrame(r, false);
    }
  }

  @Test
  void launchJsonAsEditedByTheUserMapsSources() throws Exception {
    Sample.assertPresent();
    Map<String, Object> args = substitute(Files.readString(TemplateFormatTest.DIR.resolve("launch.json")));
    args.put("program", List.of(Sample.MODULE.toString()));
    args.put("sourceMap", Map.of(Sample.COMPILED_PREFIX, Sample.SAMPLES.toString()));
    try (AdapterProcess adapter = new AdapterProcess(templateCommand(), Sample.ROOT);
        DapClient dap = new DapClient(adapter.process.getInputStream(), adapter.process.getOutputStream())) {
      PostMortemSession.Result r = adapter.session(dap, "launch", args);
      Sample.assertTopFrame(r, true);
    }
  }

  @Test
  void attachJsonReachesARunningServer() throws Exception {
    Sample.assertPresent();
    List<String> command = new ArrayList<>(templateCommand());
    command.addAll(List.of("--port", "0"));
    try (AdapterProcess server = new AdapterProcess(command, Sample.ROOT)) {
      InetSocketAddress listening = server.awaitListening(PostMortemSession.TIMEOUT);
      // The user puts the server's host and port into attach.json; LSP4IJ reads them through the template's
      // "attach": {"address": "$host", "port": "$port"}.
      JsonObject attachJson = JsonParser.parseString(
          Files.readString(TemplateFormatTest.DIR.resolve("attach.json"))).getAsJsonObject();
      attachJson.addProperty("host", listening.getHostString());
      attachJson.addProperty("port", listening.getPort());
      JsonObject template = TemplateFormatTest.json("template.json").getAsJsonObject("attach");
      String host = TemplateFormatTest.resolve(template.get("address").getAsString(), attachJson).getAsString();
      int port = TemplateFormatTest.resolve(template.get("port").getAsString(), attachJson).getAsInt();
      Map<String, Object> args = substitute(attachJson.toString());
      try (Socket socket = new Socket(host, port);
          DapClient dap = new DapClient(socket.getInputStream(), socket.getOutputStream())) {
        PostMortemSession.Result r = server.session(dap, "attach", args);
        Sample.assertTopFrame(r, false);
      }
    }
  }
}
