package dev.wasmcore.inspect.loc;

import java.util.List;

/**
 * The result of evaluating a location description (DWARF 5 section 2.6): a single location, or a composite of pieces
 * (DW_OP_piece / DW_OP_bit_piece). An empty piece list means the object has no location here: optimized out.
 *
 * @param pieces the parts of the object in order, lowest bits first
 */
public record Location(List<Piece> pieces) {
  public Location {
    pieces = List.copyOf(pieces);
  }

  /** No location: the variable is optimized out at this address. */
  public static Location optimizedOut() {
    return new Location(List.of());
  }

  public static Location unavailable(ValueAvailability availability, String reason) {
    return new Location(List.of(new Piece(-1, 0, new Storage.Unavailable(availability, reason))));
  }

  public boolean isOptimizedOut() {
    return pieces.isEmpty();
  }

  /** True for a single, whole-object location (not a composite). */
  public boolean isSimple() {
    return pieces.size() == 1 && pieces.get(0).sizeBits() < 0;
  }

  /** The memory address when the whole object lives in linear memory, else -1. */
  public long memoryAddress() {
    if (isSimple() && pieces.get(0).storage() instanceof Storage.Memory m) {
      return m.address();
    }
    return -1;
  }

  /**
   * One part of an object.
   *
   * @param sizeBits the part's size in bits, or -1 for "the whole object" (no piece operation)
   * @param bitOffset DW_OP_bit_piece offset within the storage (0 for DW_OP_piece)
   * @param storage where the part lives
   */
  public record Piece(long sizeBits, long bitOffset, Storage storage) {}

  /** Where a part of an object lives. */
  public sealed interface Storage {
    /** In linear memory at {@code address} (a memory location description). */
    record Memory(long address) implements Storage {}

    /**
     * The value itself: DW_OP_stack_value, or a wasm local/global/stack slot (DW_OP_WASM_location, which names
     * where the value is, like a register).
     *
     * @param bits the value's bits, little-endian when laid out in memory
     * @param wasm true when it came straight from a wasm location (register-like)
     */
    record Value(long bits, boolean wasm) implements Storage {}

    /** DW_OP_implicit_value: the bytes of the object. */
    record Bytes(byte[] bytes) implements Storage {}

    /** DW_OP_implicit_pointer: a pointer to the object described by the DIE at {@code dieOffset}, plus an offset. */
    record ImplicitPointer(long dieOffset, long offset) implements Storage {}

    /** No value: optimized out, unavailable in the dump, unreadable memory, or an error; {@code reason} says which. */
    record Unavailable(ValueAvailability availability, String reason) implements Storage {}
  }
}
