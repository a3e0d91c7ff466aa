package dev.wasmcore.inspect.loc;

/** Why a location (or a part of it) has no value: the honest states a debugger shows instead of a made-up zero. */
public enum ValueAvailability {
  /** No location covers the address (an empty location list entry, an empty expression, an empty piece). */
  OPTIMIZED_OUT,
  /** The dump lacks the data (a local or operand stack slot it does not hold, an entry value, a register). */
  UNAVAILABLE,
  /** Linear memory outside the dump's image. */
  UNREADABLE,
  /** Malformed or unsupported DWARF. */
  ERROR
}
