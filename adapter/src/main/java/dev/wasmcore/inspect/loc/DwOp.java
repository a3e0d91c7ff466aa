package dev.wasmcore.inspect.loc;

/**
 * DWARF expression operation codes (DWARF 5 section 7.7.1, table 7.9), the GNU extensions LLVM still emits, and the
 * WebAssembly extension {@code DW_OP_WASM_location} (0xED, from the WebAssembly tool-conventions "Debugging" text:
 * kind 0 local, 1 global, 2 operand stack, each with a ULEB128 index, and 3 global with a fixed 4-byte index).
 */
public final class DwOp {
  private DwOp() {}

  public static final int ADDR = 0x03;
  public static final int DEREF = 0x06;
  public static final int CONST1U = 0x08;
  public static final int CONST1S = 0x09;
  public static final int CONST2U = 0x0a;
  public static final int CONST2S = 0x0b;
  public static final int CONST4U = 0x0c;
  public static final int CONST4S = 0x0d;
  public static final int CONST8U = 0x0e;
  public static final int CONST8S = 0x0f;
  public static final int CONSTU = 0x10;
  public static final int CONSTS = 0x11;
  public static final int DUP = 0x12;
  public static final int DROP = 0x13;
  public static final int OVER = 0x14;
  public static final int PICK = 0x15;
  public static final int SWAP = 0x16;
  public static final int ROT = 0x17;
  public static final int XDEREF = 0x18;
  public static final int ABS = 0x19;
  public static final int AND = 0x1a;
  public static final int DIV = 0x1b;
  public static final int MINUS = 0x1c;
  public static final int MOD = 0x1d;
  public static final int MUL = 0x1e;
  public static final int NEG = 0x1f;
  public static final int NOT = 0x20;
  public static final int OR = 0x21;
  public static final int PLUS = 0x22;
  public static final int PLUS_UCONST = 0x23;
  public static final int SHL = 0x24;
  public static final int SHR = 0x25;
  public static final int SHRA = 0x26;
  public static final int XOR = 0x27;
  public static final int BRA = 0x28;
  public static final int EQ = 0x29;
  public static final int GE = 0x2a;
  public static final int GT = 0x2b;
  public static final int LE = 0x2c;
  public static final int LT = 0x2d;
  public static final int NE = 0x2e;
  public static final int SKIP = 0x2f;
  public static final int LIT0 = 0x30;
  public static final int LIT31 = 0x4f;
  public static final int REG0 = 0x50;
  public static final int REG31 = 0x6f;
  public static final int BREG0 = 0x70;
  public static final int BREG31 = 0x8f;
  public static final int REGX = 0x90;
  public static final int FBREG = 0x91;
  public static final int BREGX = 0x92;
  public static final int PIECE = 0x93;
  public static final int DEREF_SIZE = 0x94;
  public static final int XDEREF_SIZE = 0x95;
  public static final int NOP = 0x96;
  public static final int PUSH_OBJECT_ADDRESS = 0x97;
  public static final int CALL2 = 0x98;
  public static final int CALL4 = 0x99;
  public static final int CALL_REF = 0x9a;
  public static final int FORM_TLS_ADDRESS = 0x9b;
  public static final int CALL_FRAME_CFA = 0x9c;
  public static final int BIT_PIECE = 0x9d;
  public static final int IMPLICIT_VALUE = 0x9e;
  public static final int STACK_VALUE = 0x9f;
  public static final int IMPLICIT_POINTER = 0xa0;
  public static final int ADDRX = 0xa1;
  public static final int CONSTX = 0xa2;
  public static final int ENTRY_VALUE = 0xa3;
  public static final int CONST_TYPE = 0xa4;
  public static final int REGVAL_TYPE = 0xa5;
  public static final int DEREF_TYPE = 0xa6;
  public static final int XDEREF_TYPE = 0xa7;
  public static final int CONVERT = 0xa8;
  public static final int REINTERPRET = 0xa9;
  public static final int GNU_PUSH_TLS_ADDRESS = 0xe0;
  /** WebAssembly extension: {@code kind} byte then an index (see the class comment). */
  public static final int WASM_LOCATION = 0xed;
  public static final int GNU_IMPLICIT_POINTER = 0xf2;
  public static final int GNU_ENTRY_VALUE = 0xf3;
  public static final int GNU_CONST_TYPE = 0xf4;
  public static final int GNU_REGVAL_TYPE = 0xf5;
  public static final int GNU_DEREF_TYPE = 0xf6;
  public static final int GNU_CONVERT = 0xf7;
  public static final int GNU_PARAMETER_REF = 0xfa;
  public static final int GNU_ADDR_INDEX = 0xfb;
  public static final int GNU_CONST_INDEX = 0xfc;

  /** The operation's name for messages ("DW_OP_0x.." for codes this table does not know). */
  public static String name(int op) {
    if (op >= LIT0 && op <= LIT31) {
      return "DW_OP_lit" + (op - LIT0);
    }
    if (op >= REG0 && op <= REG31) {
      return "DW_OP_reg" + (op - REG0);
    }
    if (op >= BREG0 && op <= BREG31) {
      return "DW_OP_breg" + (op - BREG0);
    }
    switch (op) {
      case ADDR: return "DW_OP_addr";
      case DEREF: return "DW_OP_deref";
      case CONSTU: return "DW_OP_constu";
      case CONSTS: return "DW_OP_consts";
      case FBREG: return "DW_OP_fbreg";
      case PIECE: return "DW_OP_piece";
      case BIT_PIECE: return "DW_OP_bit_piece";
      case STACK_VALUE: return "DW_OP_stack_value";
      case IMPLICIT_VALUE: return "DW_OP_implicit_value";
      case IMPLICIT_POINTER: return "DW_OP_implicit_pointer";
      case CALL_FRAME_CFA: return "DW_OP_call_frame_cfa";
      case ENTRY_VALUE: return "DW_OP_entry_value";
      case WASM_LOCATION: return "DW_OP_WASM_location";
      case ADDRX: return "DW_OP_addrx";
      case CONSTX: return "DW_OP_constx";
      case CONVERT: return "DW_OP_convert";
      case DEREF_SIZE: return "DW_OP_deref_size";
      case PLUS_UCONST: return "DW_OP_plus_uconst";
      case REGX: return "DW_OP_regx";
      case BREGX: return "DW_OP_bregx";
      case GNU_PUSH_TLS_ADDRESS: return "DW_OP_GNU_push_tls_address";
      case FORM_TLS_ADDRESS: return "DW_OP_form_tls_address";
      default: return "DW_OP_0x" + Integer.toHexString(op);
    }
  }
}
