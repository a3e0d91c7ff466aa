package dev.wasmcore.inspect.session;

import dev.wasmcore.dwarf.Die;
import dev.wasmcore.inspect.FrameKind;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SourceLocation;
import java.util.List;

/** A source-level frame: one inlined level of a {@link PhysicalFrame}. Immutable; scopes are built on first use. */
final class FrameImpl implements FrameView {
  private final SessionOpener.SessionRef session;
  private final int id;
  private final int index;
  private final boolean inlined;
  private final String function;
  private final SourceLocation location;
  private final FrameKind kind;
  final PhysicalFrame physical;
  /** The subroutine DIE of this level (subprogram or inlined subroutine), or null without DWARF. */
  final Die level;
  /** Index of this level in the physical frame's chain (0 innermost). */
  final int levelIndex;
  private volatile List<ScopeView> scopes;

  FrameImpl(SessionOpener.SessionRef session, int id, int index, boolean inlined, String function, SourceLocation location,
      FrameKind kind, PhysicalFrame physical, Die level, int levelIndex) {
    this.session = session;
    this.id = id;
    this.index = index;
    this.inlined = inlined;
    this.function = function;
    this.location = location;
    this.kind = kind;
    this.physical = physical;
    this.level = level;
    this.levelIndex = levelIndex;
  }

  /** The session's {@code Limits.maxDieNesting} (DIE trees deeper than this are refused, not walked). */
  int maxDieNesting() {
    CoreSession s = session.session;
    return s == null ? dev.wasmcore.inspect.Limits.defaults().maxDieNesting() : s.limits().maxDieNesting();
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public int threadId() {
    return physical.threadId;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public int physicalIndex() {
    return physical.frame.index();
  }

  @Override
  public boolean inlined() {
    return inlined;
  }

  @Override
  public String function() {
    return function;
  }

  @Override
  public SourceLocation location() {
    return location;
  }

  @Override
  public FrameKind kind() {
    return kind;
  }

  @Override
  public int instance() {
    return (int) physical.frame.instanceIndex();
  }

  @Override
  public String module() {
    return physical.module.name;
  }

  @Override
  public int moduleIndex() {
    return physical.module.index;
  }

  @Override
  public int funcIndex() {
    return (int) physical.frame.funcIndex();
  }

  @Override
  public long codeOffset() {
    return physical.frame.codeOffset().value();
  }

  @Override
  public long dwarfAddress() {
    return physical.dwarfAddress;
  }

  @Override
  public String instructionPointerReference() {
    return CoreSession.instructionReference(physical.module.index, physical.dwarfAddress);
  }

  @Override
  public List<ScopeView> scopes() {
    List<ScopeView> s = scopes;
    if (s == null) {
      s = Scopes.of(session.session, this);
      scopes = s;
    }
    return s;
  }

  @Override
  public String toString() {
    return "#" + index + " " + function + (location != null ? " at " + location.displayPath() + ":"
        + location.line() : "");
  }
}
