// The test program for the capture tool: a WASI-style command module (exports memory and
// _start, imports WASI's proc_exit and never calls it) whose _start calls mid, which leaves an i32
// on the operand stack and calls leaf with an i64, an f32 and an f64; leaf sets an i32 local
// and executes `unreachable`.
import { buildModule, op, I32, I64, F32, F64 } from './module-builder.mjs';

export function trapModule() {
  return buildModule({
    types: [{ params: [I64, F32, F64], results: [] }, { params: [], results: [] }, { params: [I32], results: [] }],
    imports: [{ module: 'wasi_snapshot_preview1', field: 'proc_exit', type: 2 }],
    funcs: [
      { type: 0, name: 'leaf', locals: [[1, I32], [1, I64]],
        code: [op.i32(-9), op.localSet(3), op.i64(-0x8000000000000000n), op.localSet(4), op.i32(5), op.globalSet(0), op.unreachable] },
      { type: 1, name: 'mid', locals: [],
        code: [op.i32(7), op.i64(-5), op.f32(1.5), op.f64(-0.1), op.call(1), op.drop] },
      { type: 1, name: '_start', locals: [], code: [op.call(2)] },
    ],
    globals: [
      { valtype: I32, mutable: true, init: op.i32(42) },
      { valtype: I64, mutable: false, init: op.i64(1n << 40n) },
      { valtype: F64, mutable: true, init: op.f64(2.5) },
    ],
    memoryPages: 2,
    exports: [{ name: 'memory', kind: 2, index: 0 }, { name: '_start', kind: 0, index: 3 }],
    data: [{ offset: 100, bytes: [...new TextEncoder().encode('core!')] }, { offset: 70000, bytes: [1, 0, 0, 0, 0, 2] }],
  });
}
