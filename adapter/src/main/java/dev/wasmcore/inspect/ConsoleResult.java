package dev.wasmcore.inspect;

/**
 * The output of a console command.
 *
 * @param text what the command printed
 * @param value the value when the command was an expression ({@code p EXPR} or a bare expression), else null, so
 *     the DAP layer can give it a variables reference
 * @param selectedFrame the frame selected after the command ({@code frame N}), else null
 */
public record ConsoleResult(String text, VariableView value, FrameView selectedFrame) {}
