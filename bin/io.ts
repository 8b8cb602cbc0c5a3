/** What a CLI command may touch of the process: passed in, so tests can drive commands directly. */
import { terminalText } from "../lib/export/terminal-text";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

/** The most a command reads from a file or standard input: far above any design or statement. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Input that cannot be used, wherever it is found: its message is shown and the exit code is 2. */
export class InputError extends Error {}

/**
 * The Io every command is given: all it writes passes the terminal rule, so text from a design or
 * a link can never send the terminal an escape sequence or a bidi control, whatever the command.
 */
export function terminalIo(io: Io): Io {
  return {
    stdout: (text) => io.stdout(terminalText(text)),
    stderr: (text) => io.stderr(terminalText(text)),
    readStdin: () => io.readStdin(),
  };
}
