import type { RunProgress } from '../runs/run-ports';
import type { CliOutput } from './cli-output';

/** `1234567` → `1,234,567`. */
function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** One progress line: pages, rows, rows/s, rejects. */
export function formatProgress(progress: RunProgress): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.rowsRead / seconds : 0;
  return `${progress.sourceKey}: ${grouped(progress.pages)} pages, ${grouped(progress.rowsRead)} rows, ${grouped(rate)} rows/s, ${grouped(progress.rowsRejected)} rejects`;
}

/**
 * Prints run progress at most once per `intervalMs` (and the last state on `finish`). On a
 * terminal the line redraws in place; otherwise (logs, CI) each update is a line of its own.
 */
export class ProgressReporter {
  private lastPrinted = Number.NEGATIVE_INFINITY;
  private latest: RunProgress | null = null;
  private printedLatest = false;

  constructor(
    private readonly out: CliOutput,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = 1000,
  ) {}

  readonly update = (progress: RunProgress): void => {
    this.latest = progress;
    this.printedLatest = false;
    const t = this.now();
    if (t - this.lastPrinted < this.intervalMs) return;
    this.lastPrinted = t;
    this.print(progress);
  };

  /** Prints the final figures if the last update was throttled, and ends a redrawn line. */
  finish(): void {
    if (this.latest && !this.printedLatest) this.print(this.latest);
    if (this.out.interactive && this.latest) this.out.line('');
  }

  private print(progress: RunProgress): void {
    this.printedLatest = true;
    const text = formatProgress(progress);
    if (this.out.interactive) this.out.redraw(text);
    else this.out.line(text);
  }
}
