package dev.wasmcore.wasm;

/** How an element or data segment is used (core spec 2.5.12/2.5.13). */
public enum SegmentMode { ACTIVE, PASSIVE, DECLARATIVE }
