package dev.wasmcore.inspect;

/**
 * One disassembled wasm instruction.
 *
 * @param address the reference of this instruction (as {@link DebugSession#disassemble} takes it)
 * @param bytes hex bytes of the instruction
 * @param text the instruction in wasm text form, with symbols (function and global names) when resolved
 * @param symbol the function name at the first instruction of a function, else null
 * @param location the source position of the instruction, or null
 * @param invalid true for positions outside any function body (text is "??")
 */
public record Instruction(String address, String bytes, String text, String symbol, SourceLocation location,
    boolean invalid) {}
