/**
 * DAP message trace: with the `wasmcore.trace` setting on, every message between VS Code and the adapter is
 * written to the "wasmcore" output channel with the milliseconds since the session started (for bug reports).
 */
import * as vscode from 'vscode';

/** Long messages (variables, disassembly) are cut to this many characters in the trace. */
export const MAX_TRACE_CHARS = 2000;

export function traceLine(elapsedMs: number, direction: '->' | '<-', message: unknown): string {
  let text = JSON.stringify(message);
  if (text.length > MAX_TRACE_CHARS) {
    text = `${text.slice(0, MAX_TRACE_CHARS)}... (${text.length} chars)`;
  }
  return `[${String(elapsedMs).padStart(6)} ms] ${direction} ${text}`;
}

export class TraceFactory implements vscode.DebugAdapterTrackerFactory {
  constructor(private readonly log: (line: string) => void) {}

  createDebugAdapterTracker(session: vscode.DebugSession): vscode.ProviderResult<vscode.DebugAdapterTracker> {
    if (!vscode.workspace.getConfiguration('wasmcore').get<boolean>('trace')) {
      return undefined;
    }
    const start = Date.now();
    const log = this.log;
    log(`trace of session "${session.name}"`);
    return {
      onWillReceiveMessage: (m: unknown) => log(traceLine(Date.now() - start, '->', m)),
      onDidSendMessage: (m: unknown) => log(traceLine(Date.now() - start, '<-', m)),
      onError: (e: Error) => log(`[${Date.now() - start} ms] adapter error: ${e.message}`),
      onExit: (code: number | undefined, signal: string | undefined) =>
        log(`[${Date.now() - start} ms] adapter exited (${code ?? signal})`),
    };
  }
}
