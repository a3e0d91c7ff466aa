/**
 * Entry point of the wasmcore VS Code extension: the `wasmcore` debugger (descriptor factory and configuration
 * providers) and the "wasmcore: Open Core Dump..." command.
 */
import * as vscode from 'vscode';
import { DEBUG_TYPE, DynamicConfigurationProvider, InitialConfigurationProvider,
  ResolvingConfigurationProvider } from './configuration';
import { WasmcoreDescriptorFactory } from './descriptorFactory';
import { coreDumpConfiguration, OPEN_CORE_DUMP_COMMAND, openCoreDump } from './openCoreDump';
import { TraceFactory } from './tracker';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('wasmcore');
  const factory = new WasmcoreDescriptorFactory(context.extensionPath, (line) => output.appendLine(line));
  context.subscriptions.push(
    output,
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, factory),
    vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, new TraceFactory((line) => output.appendLine(line))),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE,
      new ResolvingConfigurationProvider(() => coreDumpConfiguration())),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new InitialConfigurationProvider(),
      vscode.DebugConfigurationProviderTriggerKind.Initial),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new DynamicConfigurationProvider(),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.commands.registerCommand(OPEN_CORE_DUMP_COMMAND, (uri?: vscode.Uri) => openCoreDump(uri)),
  );
}

export function deactivate(): void {
  // sessions end with their adapters; nothing is held here
}
