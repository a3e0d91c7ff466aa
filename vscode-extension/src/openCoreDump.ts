/**
 * "wasmcore: Open Core Dump...": pick a dump (or take the one right-clicked in the explorer), find its module
 * next to it or ask for it, and start a session without any launch.json.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findModulesForDump } from './coredump';
import { dumpConfiguration } from './configuration';

export const OPEN_CORE_DUMP_COMMAND = 'wasmcore.openCoreDump';

/** Asks what is missing and returns the launch configuration, or undefined when the user cancels. */
export async function coreDumpConfiguration(uri?: vscode.Uri): Promise<vscode.DebugConfiguration | undefined> {
  let corePath = uri?.fsPath;
  if (corePath === undefined) {
    const picked = await vscode.window.showOpenDialog({
      title: 'Open a WebAssembly core dump',
      openLabel: 'Open Core Dump',
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      filters: { 'WebAssembly core dumps': ['core', 'coredump'], 'All files': ['*'] },
    });
    corePath = picked?.[0]?.fsPath;
    if (corePath === undefined) {
      return undefined;
    }
  }
  let modules = findModulesForDump(corePath);
  if (modules.length === 0) {
    const picked = await vscode.window.showOpenDialog({
      title: `Select the wasm module of ${path.basename(corePath)} (it is not next to the dump)`,
      openLabel: 'Use Module',
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: true,
      defaultUri: vscode.Uri.file(path.dirname(corePath)),
      filters: { 'WebAssembly modules': ['wasm'], 'All files': ['*'] },
    });
    if (picked === undefined || picked.length === 0) {
      return undefined;
    }
    modules = picked.map((u) => u.fsPath);
  }
  return dumpConfiguration(corePath, modules);
}

/** The command: returns whether a session started. */
export async function openCoreDump(uri?: vscode.Uri): Promise<boolean> {
  const config = await coreDumpConfiguration(uri instanceof vscode.Uri ? uri : undefined);
  if (config === undefined) {
    return false;
  }
  const folder = (uri instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined)
    ?? vscode.workspace.workspaceFolders?.[0];
  return vscode.debug.startDebugging(folder, config);
}
