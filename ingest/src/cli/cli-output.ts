/** Where CLI commands write: stdout for results, stderr for diagnostics. Injected for tests. */
export interface CliOutput {
  /** One line of result text (a newline is added). */
  line(text: string): void;
  /** One line of diagnostics (a newline is added). */
  error(text: string): void;
  /** True when stdout is a terminal: progress may then redraw one line instead of printing many. */
  readonly interactive: boolean;
  /** Rewrites the current terminal line (interactive only). */
  redraw(text: string): void;
}

/** The process's own stdout/stderr. */
export function processOutput(): CliOutput {
  return {
    line: (text) => void process.stdout.write(`${text}\n`),
    error: (text) => void process.stderr.write(`${text}\n`),
    interactive: process.stdout.isTTY === true,
    redraw: (text) => void process.stdout.write(`\r\x1b[2K${text}`),
  };
}

/** Collects output in memory (tests). */
export class MemoryOutput implements CliOutput {
  readonly lines: string[] = [];
  readonly errors: string[] = [];
  readonly interactive = false;

  line(text: string): void {
    this.lines.push(text);
  }

  error(text: string): void {
    this.errors.push(text);
  }

  redraw(text: string): void {
    this.lines.push(text);
  }
}
