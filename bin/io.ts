/** What a CLI command may touch of the process: passed in, so tests can drive commands directly. */
import { terminalText } from "../lib/export/terminal-text";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  /**
   * Output another tool reads byte for byte (apply --dry-run's diff, for `git apply`): a raw Io
   * gives it only when standard output is a pipe or a file, and then it is written exactly. On a
   * terminal, and in an Io that does not give it, it passes the terminal rule like the rest.
   */
  exact?(text: string): void;
}

/** The most a command reads from a file or standard input: far above any design or statement. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Input that cannot be used, wherever it is found: its message is shown and the exit code is 2. */
export class InputError extends Error {}

/**
 * The Io every command is given: all it writes passes the terminal rule, so text from a design or
 * a link can never send the terminal an escape sequence or a bidi control, whatever the command.
 * Only `exact` output into a pipe or a file is left as it is: there is no terminal to protect.
 */
export function terminalIo(io: Io): Io {
  const stdout = (text: string) => io.stdout(terminalText(text));
  return {
    stdout,
    stderr: (text) => io.stderr(terminalText(text)),
    readStdin: () => io.readStdin(),
    exact: io.exact?.bind(io) ?? stdout,
  };
}
