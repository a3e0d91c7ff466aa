package dev.wasmcore.inspect.expr;

import java.util.Objects;

/**
 * gdb's memory-examining defaults for {@code x/NFU ADDR}, as an immutable value the console keeps between commands.
 *
 * <p>The rules, as gdb documents them ("Examining Memory"):
 * <ul>
 *   <li>N (count) defaults to 1 and is never remembered.
 *   <li>F (format) defaults to the last format used, initially {@code x}.
 *   <li>U (unit) defaults to the last unit used, initially {@code w} (4 bytes). With format {@code s} a typed unit
 *       is the character width, and without one the unit is {@code b} (bytes); with format {@code i} the unit is
 *       meaningless and ignored. Neither changes the remembered unit unless a unit was typed. With {@code c} and no
 *       unit typed, the unit is {@code b}.
 *   <li>A missing address continues right after the last unit examined ({@link #nextAddress()}), which the
 *       console sets after each {@code x} with {@link #after}.
 * </ul>
 *
 * @param format the remembered format letter
 * @param unit the remembered unit letter
 * @param nextAddress where a bare {@code x} continues, or -1 when nothing was examined yet
 */
public record ExamineState(char format, char unit, long nextAddress) {
  /** The state before any {@code x}: format {@code x}, unit {@code w}, no address. */
  public static final ExamineState INITIAL = new ExamineState('x', 'w', -1);

  public ExamineState {
    if ("xduotcsi".indexOf(format) < 0 || "bhwg".indexOf(unit) < 0) {
      throw new IllegalArgumentException("bad format/unit " + format + "/" + unit);
    }
  }

  /**
   * What one {@code x} command does.
   *
   * @param count how many units, strings or instructions
   * @param format the format letter
   * @param unitBytes bytes per unit: 1, 2, 4 or 8 (for {@code s}, the character width; for {@code i}, 1)
   * @param next the state to keep after running it ({@link #after} then records the end address)
   */
  public record Resolved(int count, char format, int unitBytes, ExamineState next) {}

  /** Applies the defaults to a typed command. */
  public Resolved resolve(Command.Examine cmd) {
    Objects.requireNonNull(cmd);
    int count = cmd.count().orElse(1);
    char f = cmd.format().orElse(format);
    char typedUnit = cmd.unit().orElse('\0');
    char u;
    char rememberedUnit = unit;
    if (f == 'i') {
      u = 'b';
    } else if (f == 's' || f == 'c') {
      u = typedUnit != '\0' ? typedUnit : 'b';
      if (typedUnit != '\0') {
        rememberedUnit = typedUnit;
      }
    } else {
      u = typedUnit != '\0' ? typedUnit : unit;
      rememberedUnit = u;
    }
    return new Resolved(count, f, unitBytes(u), new ExamineState(f, rememberedUnit, nextAddress));
  }

  /** This state with the address after the last unit examined. */
  public ExamineState after(long endAddress) {
    return new ExamineState(format, unit, endAddress);
  }

  /** Bytes of a unit letter. */
  public static int unitBytes(char unit) {
    return switch (unit) {
      case 'b' -> 1;
      case 'h' -> 2;
      case 'w' -> 4;
      case 'g' -> 8;
      default -> throw new IllegalArgumentException("unit " + unit);
    };
  }
}
