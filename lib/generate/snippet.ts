/** A generated piece of code and where it goes. The UI, the CLI and downloads all consume these. */
export interface Snippet {
  readonly id: string;
  /** Path in PostHog's repository. */
  readonly file: string;
  readonly language: "proto" | "python" | "typescript" | "rust" | "shell";
  /** Where in that file it goes. */
  readonly anchor: string;
  readonly code: string;
}
