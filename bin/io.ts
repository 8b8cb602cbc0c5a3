/** What a CLI command may touch of the process: passed in, so tests can drive commands directly. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}
