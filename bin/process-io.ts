/** The Io of the real process, and what it says when a command fails in a way it did not foresee. */
import { terminalText } from "../lib/export/terminal-text";
import type { Io } from "./io";
import { readStdinText } from "./read-input";

/** A reader that closed the pipe early (`| head`) wants no more output: stop quietly. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

export function processIo(): Io {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const stdout = (text: string) => void process.stdout.write(text);
  return {
    stdout,
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => readStdinText(process.stdin),
    ...(process.stdout.isTTY ? {} : { exact: stdout }),
  };
}

/**
 * A throw that escaped every command is a bug, but the input is what made it happen: one line, no
 * stack trace (it would print text from the input raw), through the terminal rule, and exit 2.
 */
export function internalError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
  return terminalText(
    `personhog-rpc could not handle this input (internal error: ${message.slice(0, 500)}). This is a bug; please report it with the input.\n`,
  );
}
