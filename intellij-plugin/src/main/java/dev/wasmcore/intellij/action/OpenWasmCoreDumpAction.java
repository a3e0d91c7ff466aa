package dev.wasmcore.intellij.action;

import com.intellij.execution.ProgramRunnerUtil;
import com.intellij.execution.RunManager;
import com.intellij.execution.RunnerAndConfigurationSettings;
import com.intellij.execution.executors.DefaultDebugExecutor;
import com.intellij.openapi.actionSystem.ActionUpdateThread;
import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.actionSystem.CommonDataKeys;
import com.intellij.openapi.fileChooser.FileChooser;
import com.intellij.openapi.fileChooser.FileChooserDescriptorFactory;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import dev.wasmcore.intellij.CoreDumpFiles;
import dev.wasmcore.intellij.WasmcoreLaunchSettings;
import dev.wasmcore.intellij.run.WasmcoreConfigurationType;
import dev.wasmcore.intellij.run.WasmcoreRunConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * "Open Wasm Core Dump..." in the project view's context menu of {@code *.core} files: creates a "wasmcore core
 * dump" run configuration for the dump (its module taken from next to the dump under the same name, otherwise asked
 * for with a file chooser; cancelling leaves it to the adapter, which looks for the module the dump names), adds it
 * to the project's run configurations, and starts it with the Debug executor.
 */
public final class OpenWasmCoreDumpAction extends AnAction {
  @Override
  public ActionUpdateThread getActionUpdateThread() {
    return ActionUpdateThread.BGT;
  }

  @Override
  public void update(AnActionEvent e) {
    VirtualFile file = e.getData(CommonDataKeys.VIRTUAL_FILE);
    e.getPresentation().setEnabledAndVisible(e.getProject() != null && file != null && !file.isDirectory()
        && file.isInLocalFileSystem() && CoreDumpFiles.isCoreDump(file.getName()));
  }

  @Override
  public void actionPerformed(AnActionEvent e) {
    Project project = e.getProject();
    VirtualFile file = e.getData(CommonDataKeys.VIRTUAL_FILE);
    if (project == null || file == null) {
      return;
    }
    Path core = Path.of(file.getPath());
    Optional<Path> module = CoreDumpFiles.moduleNextTo(core);
    if (module.isEmpty()) {
      VirtualFile chosen = FileChooser.chooseFile(
          FileChooserDescriptorFactory.createSingleFileDescriptor("wasm")
              .withTitle("Choose the Wasm Module of " + file.getName()),
          project, null);
      if (chosen != null) {
        module = Optional.of(Path.of(chosen.getPath()));
      }
    }

    RunManager runManager = RunManager.getInstance(project);
    RunnerAndConfigurationSettings settings = runManager.createConfiguration(
        CoreDumpFiles.configurationName(core), WasmcoreConfigurationType.getInstance().getFactory());
    WasmcoreLaunchSettings launch = ((WasmcoreRunConfiguration) settings.getConfiguration()).getSettings();
    launch.setCoreFile(core.toString());
    launch.setPrograms(module.map(m -> List.of(m.toString())).orElse(List.of()));
    runManager.addConfiguration(settings);
    runManager.setSelectedConfiguration(settings);
    ProgramRunnerUtil.executeConfiguration(settings, DefaultDebugExecutor.getDebugExecutorInstance());
  }
}
