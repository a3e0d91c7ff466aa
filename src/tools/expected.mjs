#!/usr/bin/env node
// expected.mjs: write the expected answers for one sample core dump.
//
// usage: node expected.mjs --module NAME.wasm --frames FRAMES.json --facts FACTS.json --out NAME.json
//
//   FRAMES.json  what wasmcore-capture.mjs --frames-json wrote for the dump
//   FACTS.json   the hand-written facts: {"args": [...], "sourceValues": [...]} (src/facts/)
//
// The output has the layout of ../shared/corpus/expected/*.json: module, args, trap, frames
// (index, funcIndex, codeOffset, dwarfAddress, symbolized, locals, stack) and sourceValues.
// `symbolized` is what `llvm-symbolizer-16 --inlines --output-style=JSON` answers for the
// frame's DWARF address (innermost inlined function first), keeping FunctionName, FileName,
// Line and Column; empty names and line 0 where no DWARF covers the address. LLVM 16 on
// purpose: LLVM 19 also reads the name section and mixes its names into DWARF answers.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const k of ['module', 'frames', 'facts', 'out']) {
  if (!args[k]) { console.error('usage: node expected.mjs --module M.wasm --frames F.json --facts FACTS.json --out OUT.json'); process.exit(2); }
}
const frames = JSON.parse(readFileSync(args.frames, 'utf8'));
const facts = JSON.parse(readFileSync(args.facts, 'utf8'));

const addrs = frames.frames.map((f) => '0x' + f.dwarfAddress.toString(16));
const symbolizer = process.env.SYMBOLIZER ?? 'llvm-symbolizer-16';
// with several addresses on the command line, the symbolizer prints one JSON array of answers
const text = execFileSync(symbolizer, [`--obj=${args.module}`, '--inlines', '--output-style=JSON', ...addrs], { encoding: 'utf8' }).trim();
const parsed = JSON.parse(text);
const answers = Array.isArray(parsed) ? parsed : [parsed];
if (answers.length !== addrs.length) throw new Error(`${symbolizer} answered ${answers.length} of ${addrs.length} addresses`);

const keep = (s) => ({ FunctionName: s.FunctionName, FileName: s.FileName, Line: s.Line, Column: s.Column });
const lines = [];
lines.push('{');
lines.push(`  "module": ${JSON.stringify(path.basename(args.module))},`);
lines.push(`  "args": ${JSON.stringify(facts.args ?? [])},`);
lines.push(`  "trap": ${JSON.stringify(frames.trap)},`);
lines.push('  "frames": [');
frames.frames.forEach((f, i) => {
  const sym = answers[i].Symbol.map(keep);
  const head = { index: f.index, funcIndex: f.funcIndex, codeOffset: f.codeOffset, dwarfAddress: f.dwarfAddress };
  lines.push(`    ${JSON.stringify(head).slice(0, -1)},`);
  lines.push(`     "function": ${JSON.stringify(f.name)},`);
  lines.push(`     "symbolized": ${JSON.stringify(sym)},`);
  lines.push(`     "locals": ${JSON.stringify(f.locals)},`);
  lines.push(`     "stack": ${JSON.stringify(f.stack)}}${i + 1 < frames.frames.length ? ',' : ''}`);
});
lines.push('  ],');
lines.push('  "sourceValues": [');
(facts.sourceValues ?? []).forEach((v, i, all) => lines.push(`    ${JSON.stringify(v)}${i + 1 < all.length ? ',' : ''}`));
lines.push('  ]');
lines.push('}');
writeFileSync(args.out, lines.join('\n') + '\n');
