// LEB128 (core spec 5.2.2): known encodings, limits, and every kind of malformed input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeUnsigned, encodeSigned, decodeU32, decodeUnsignedBig, decodeSignedBig, LebError } from '../lib/leb128.mjs';

const bytes = (...b) => Uint8Array.from(b);

test('unsigned encodings from the DWARF and wasm specs', () => {
  assert.deepEqual(encodeUnsigned(0), [0x00]);
  assert.deepEqual(encodeUnsigned(127), [0x7f]);
  assert.deepEqual(encodeUnsigned(128), [0x80, 0x01]);
  assert.deepEqual(encodeUnsigned(624485), [0xe5, 0x8e, 0x26]);
  assert.deepEqual(encodeUnsigned(0xffffffff), [0xff, 0xff, 0xff, 0xff, 0x0f]);
  assert.deepEqual(encodeUnsigned(0xffffffffffffffffn), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  assert.throws(() => encodeUnsigned(-1), RangeError);
  assert.throws(() => encodeUnsigned(1n << 64n), RangeError);
});

test('signed encodings, including the sign bit of the last byte', () => {
  assert.deepEqual(encodeSigned(0), [0x00]);
  assert.deepEqual(encodeSigned(-1), [0x7f]);
  assert.deepEqual(encodeSigned(63), [0x3f]);
  assert.deepEqual(encodeSigned(64), [0xc0, 0x00]);        // bit 6 set would read as negative
  assert.deepEqual(encodeSigned(-64), [0x40]);
  assert.deepEqual(encodeSigned(-65), [0xbf, 0x7f]);
  assert.deepEqual(encodeSigned(-123456), [0xc0, 0xbb, 0x78]);
  assert.deepEqual(encodeSigned(-2147483648), [0x80, 0x80, 0x80, 0x80, 0x78]);
  assert.deepEqual(encodeSigned(-0x8000000000000000n), [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]);
  assert.throws(() => encodeSigned(1n << 63n), RangeError);
});

test('decoding returns the value and the next offset', () => {
  assert.deepEqual(decodeU32(bytes(0xaa, 0xe5, 0x8e, 0x26, 0xbb), 1), { value: 624485, next: 4 });
  assert.deepEqual(decodeSignedBig(bytes(0xc0, 0xbb, 0x78), 0, 32), { value: -123456n, next: 3 });
  assert.deepEqual(decodeSignedBig(bytes(0x80, 0x80, 0x80, 0x80, 0x78), 0, 32), { value: -2147483648n, next: 5 });
  assert.deepEqual(decodeUnsignedBig(bytes(0x80, 0x00), 0, 32), { value: 0n, next: 2 });   // padded zero is allowed
});

test('round trips over the edges of every width', () => {
  const u64 = [0n, 1n, 127n, 128n, 16383n, 16384n, 0xffffffffn, 0x100000000n, (1n << 63n), 0xffffffffffffffffn];
  for (const v of u64) assert.equal(decodeUnsignedBig(Uint8Array.from(encodeUnsigned(v)), 0, 64).value, v);
  const s64 = [0n, -1n, 63n, -64n, 64n, -65n, 0x7fffffffn, -0x80000000n, 0x7fffffffffffffffn, -0x8000000000000000n];
  for (const v of s64) assert.equal(decodeSignedBig(Uint8Array.from(encodeSigned(v)), 0, 64).value, v);
  for (const v of [0n, -1n, 0x7fffffffn, -0x80000000n]) assert.equal(decodeSignedBig(Uint8Array.from(encodeSigned(v)), 0, 32).value, v);
});

test('truncated input names the offset where the number starts', () => {
  assert.throws(() => decodeU32(bytes(0x00, 0x80, 0x80), 1), (e) => e instanceof LebError && e.offset === 1 && /truncated/.test(e.message));
  // a limit inside the buffer counts as the end (section bounds)
  assert.throws(() => decodeU32(bytes(0x80, 0x01), 0, 1), /truncated/);
});

test('too many bytes and unused bits set are rejected', () => {
  assert.throws(() => decodeU32(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), 0), /longer than 5 bytes/);
  assert.throws(() => decodeU32(bytes(0xff, 0xff, 0xff, 0xff, 0x1f), 0), /too large for u32/);
  assert.equal(decodeU32(bytes(0xff, 0xff, 0xff, 0xff, 0x0f), 0).value, 0xffffffff);
  // s32: the last byte's bits above bit 3 must copy the sign bit
  assert.throws(() => decodeSignedBig(bytes(0xff, 0xff, 0xff, 0xff, 0x4f), 0, 32), /out of range for s32/);
  assert.throws(() => decodeSignedBig(bytes(0x80, 0x80, 0x80, 0x80, 0x08), 0, 32), /out of range for s32/);
  assert.equal(decodeSignedBig(bytes(0xff, 0xff, 0xff, 0xff, 0x07), 0, 32).value, 0x7fffffffn);
  // s64: the 10th byte may only be 0x00 or 0x7f
  assert.throws(() => decodeSignedBig(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01), 0, 64), /out of range for s64/);
  assert.throws(() => decodeUnsignedBig(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02), 0, 64), /too large for u64/);
});
