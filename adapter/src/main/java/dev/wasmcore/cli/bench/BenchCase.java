package dev.wasmcore.cli.bench;

import java.nio.file.Path;

/**
 * One benchmark input: a core dump and its module.
 *
 * @param name short name for the report (the corpus case name)
 * @param core the dump
 * @param module the module with DWARF
 */
public record BenchCase(String name, Path core, Path module) {}
