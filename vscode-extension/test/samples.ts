/**
 * The project samples the session tests open (test/samples.json), with the frames each must show, read from the
 * sample's expected file (../src/out/expected/NAME.json, LLVM's symbolizer on the captured dump).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const extensionRoot = path.resolve(__dirname, '..', '..');
export const repoRoot = path.resolve(extensionRoot, '..');
export const samplesDir = path.join(repoRoot, 'src', 'out');

export interface ExpectedFrame {
  /** Function name as the symbolizer prints it, without parameters and Rust hash. */
  readonly name: string;
  /** Source file base name. */
  readonly file: string;
  readonly line: number;
}

export interface Sample {
  readonly name: string;
  readonly language: string;
  readonly trap: string;
  readonly core: string;
  readonly module: string;
  /** Source frames (inlined levels expanded) of the listed physical frames, youngest first. */
  readonly expectedFrames: readonly ExpectedFrame[];
  readonly parameter: { readonly name: string; readonly value: string };
  readonly hover: { readonly name: string; readonly value: string };
  readonly watch: { readonly expression: string; readonly value: string };
  readonly print: { readonly expression: string; readonly value: string };
  /** The launch configuration a user writes for it. */
  readonly sourceMap: Record<string, string>;
}

/** `ns::f(int) const` -> `ns::f`, `a::b::h0123456789abcdef` -> `a::b`. */
export function shortName(name: string): string {
  let s = name;
  const paren = s.indexOf('(');
  if (paren > 0) {
    s = s.slice(0, paren);
  }
  return s.replace(/::h[0-9a-f]{16}$/, '').trim();
}

export function loadSamples(): Sample[] {
  const spec = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'test', 'samples.json'), 'utf8'));
  return spec.samples.map((s: { name: string; frames: number[] } & Record<string, unknown>) => {
    const expected = JSON.parse(fs.readFileSync(path.join(samplesDir, 'expected', `${s.name}.json`), 'utf8'));
    const expectedFrames: ExpectedFrame[] = [];
    for (const index of s.frames) {
      const frame = expected.frames.find((f: { index: number }) => f.index === index);
      if (!frame) {
        throw new Error(`${s.name}: no frame ${index} in the expected file`);
      }
      for (const sym of frame.symbolized) {
        expectedFrames.push({ name: shortName(sym.FunctionName), file: path.basename(sym.FileName), line: sym.Line });
      }
    }
    return {
      ...s,
      core: path.join(samplesDir, `${s.name}.core`),
      module: path.join(samplesDir, `${s.name}.wasm`),
      expectedFrames,
      sourceMap: { [spec.sourcePrefix]: path.join(repoRoot, 'src') },
    } as unknown as Sample;
  });
}
