package dev.wasmcore.dwarf;

/**
 * Disjoint {@code [low, high)} address segments in unsigned order, each with an owner number, found by binary
 * search: the address index of a {@link DwarfInfo} (owners are unit numbers) and a unit's subprogram map (owners are
 * DIE indices) are both one of these.
 */
final class AddressMap {
  final long[] low;
  final long[] high;
  final int[] owner;

  AddressMap(long[] low, long[] high, int[] owner) {
    this.low = low;
    this.high = high;
    this.owner = owner;
  }

  /** The owner of the segment that contains {@code address}, or -1. */
  int lookup(long address) {
    int lo = 0;
    int hi = low.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(low[mid], address) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    int k = lo - 1;
    return k >= 0 && Long.compareUnsigned(address, high[k]) < 0 ? owner[k] : -1;
  }
}
