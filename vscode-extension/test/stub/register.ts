/**
 * Makes `require('vscode')` load the stub (./vscode.ts) in unit tests. Import this first in every test file.
 */
import Module = require('node:module');

const stubPath = require.resolve('./vscode');
const mod = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = mod._resolveFilename;
mod._resolveFilename = function resolve(request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? stubPath : original.call(this, request, ...rest);
};
