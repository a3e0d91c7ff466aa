// LEB128 encoding and decoding, as the WebAssembly binary format uses it
// (core spec 5.2.2 "Integers"): little-endian groups of 7 bits, the high bit of each byte
// set when another byte follows. Unsigned values (u32, u64) are zero-extended, signed values
// (s32, s33, s64) sign-extended from bit 6 of the last byte.
//
// Decoding is strict, as the spec requires: at most ceil(N/7) bytes for an N-bit value, and
// the unused high bits of the last byte must be zero (unsigned) or copies of the sign bit
// (signed). Errors are LebError with the absolute offset of the first byte of the number.

/** A malformed or truncated LEB128 number at a byte offset. */
export class LebError extends Error {
  constructor(offset, reason) {
    super(`${reason} at offset ${offset} (0x${offset.toString(16)})`);
    this.name = 'LebError';
    this.offset = offset;
  }
}

/**
 * Unsigned LEB128 of a non-negative integer (number up to 2^53-1, or bigint up to 2^64-1).
 * @returns {number[]} the bytes
 */
export function encodeUnsigned(value) {
  let v = BigInt(value);
  if (v < 0n || v > 0xffffffffffffffffn) throw new RangeError(`unsigned LEB128 out of range: ${value}`);
  const out = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return out;
}

/**
 * Signed LEB128 of an integer in [-2^63, 2^63-1] (number or bigint).
 * The last byte is the first whose bit 6 equals the sign of what remains.
 * @returns {number[]} the bytes
 */
export function encodeSigned(value) {
  let v = BigInt(value);
  if (v < -0x8000000000000000n || v > 0x7fffffffffffffffn) throw new RangeError(`signed LEB128 out of range: ${value}`);
  const out = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;                                   // arithmetic shift on bigint
    const signBit = (byte & 0x40) !== 0;
    if ((v === 0n && !signBit) || (v === -1n && signBit)) { out.push(byte); return out; }
    out.push(byte | 0x80);
  }
}

/**
 * Decode an unsigned LEB128 of at most `bits` bits (32 or 64) from `bytes` at `pos`.
 * @returns {{value: bigint, next: number}} the value and the offset after it
 */
export function decodeUnsignedBig(bytes, pos, bits = 64, limit = bytes.length) {
  const maxLen = Math.ceil(bits / 7);
  let result = 0n;
  for (let i = 0; i < maxLen; i++) {
    const p = pos + i;
    if (p >= limit) throw new LebError(pos, `truncated LEB128 (u${bits})`);
    const byte = bytes[p];
    result |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) {
      if (i === maxLen - 1) {
        // the last possible byte may only carry the bits that are left
        const usedBits = bits - 7 * i;
        if (byte >> usedBits !== 0) throw new LebError(pos, `LEB128 too large for u${bits}`);
      }
      return { value: result, next: p + 1 };
    }
  }
  throw new LebError(pos, `LEB128 longer than ${maxLen} bytes (u${bits})`);
}

/** Unsigned 32-bit LEB128 as a number. @returns {{value: number, next: number}} */
export function decodeU32(bytes, pos, limit = bytes.length) {
  const { value, next } = decodeUnsignedBig(bytes, pos, 32, limit);
  return { value: Number(value), next };
}

/**
 * Decode a signed LEB128 of at most `bits` bits (32, 33 or 64) from `bytes` at `pos`.
 * @returns {{value: bigint, next: number}}
 */
export function decodeSignedBig(bytes, pos, bits = 64, limit = bytes.length) {
  const maxLen = Math.ceil(bits / 7);
  let result = 0n;
  for (let i = 0; i < maxLen; i++) {
    const p = pos + i;
    if (p >= limit) throw new LebError(pos, `truncated LEB128 (s${bits})`);
    const byte = bytes[p];
    result |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) {
      const shift = 7 * (i + 1);
      if (i === maxLen - 1) {
        // bits from (bits-1) upward in this byte must all equal the sign bit
        const usedBits = bits - 7 * i;            // value bits held by this byte, sign included
        const rest = byte >> (usedBits - 1);      // sign bit and the unused bits above it
        const allowed = (byte & 0x40) ? (0x7f >> (usedBits - 1)) : 0;
        if (rest !== allowed) throw new LebError(pos, `LEB128 out of range for s${bits}`);
      }
      if (byte & 0x40) result -= 1n << BigInt(shift);   // sign-extend
      return { value: result, next: p + 1 };
    }
  }
  throw new LebError(pos, `LEB128 longer than ${maxLen} bytes (s${bits})`);
}
