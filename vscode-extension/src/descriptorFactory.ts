/**
 * The debug adapter descriptor factory: the bundled jar over stdio by default, a TCP server for `attach` with a
 * port and for `debugServer` (see ./adapter.ts for the rules).
 */
import * as vscode from 'vscode';
import { AdapterPlan, planAdapter } from './adapter';
import { findJava, JavaRuntime, JavaSearch } from './java';

/** Finds Java; replaced in tests. */
export type JavaFinder = (search: JavaSearch) => JavaRuntime;

export class WasmcoreDescriptorFactory implements vscode.DebugAdapterDescriptorFactory {
  private cache: { key: string; runtime: JavaRuntime } | undefined;

  constructor(
    private readonly extensionRoot: string,
    private readonly log: (line: string) => void = () => undefined,
    private readonly finder: JavaFinder = findJava,
  ) {}

  /** The Java runtime for the current settings and environment (probed once per distinct setting/environment). */
  java(): JavaRuntime {
    const javaHomeSetting = vscode.workspace.getConfiguration('wasmcore').get<string>('javaHome') ?? '';
    const key = JSON.stringify([javaHomeSetting, process.env.JAVA_HOME ?? '', process.env.PATH ?? '']);
    if (this.cache?.key !== key) {
      const runtime = this.finder({ javaHomeSetting, env: process.env });
      this.log(`Java ${runtime.version} from ${runtime.source}: ${runtime.path}`);
      this.cache = { key, runtime };
    }
    return this.cache.runtime;
  }

  plan(config: vscode.DebugConfiguration): AdapterPlan {
    return planAdapter(config, this.extensionRoot, () => this.java().path);
  }

  createDebugAdapterDescriptor(session: vscode.DebugSession): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    const plan = this.plan(session.configuration);
    if (plan.kind === 'server') {
      this.log(`Session "${session.name}": connecting to the wasmcore server at ${plan.host}:${plan.port}`);
      return new vscode.DebugAdapterServer(plan.port, plan.host);
    }
    this.log(`Session "${session.name}": ${plan.command} ${plan.args.join(' ')}`);
    return new vscode.DebugAdapterExecutable(plan.command, [...plan.args]);
  }
}
