import { MemoryOutput } from './cli-output';
import { formatProgress, ProgressReporter } from './progress-reporter';
import { formatTable } from './text-table';

const progress = (rowsRead: number, elapsedMs: number) => ({
  runId: 1,
  sourceKey: 'demo',
  pages: rowsRead / 100,
  rowsRead,
  rowsWritten: rowsRead,
  rowsRejected: 2,
  elapsedMs,
});

describe('ProgressReporter', () => {
  it('prints pages, rows, rows/s and rejects', () => {
    expect(formatProgress(progress(25_000, 2000))).toBe(
      'demo: 250 pages, 25,000 rows, 12,500 rows/s, 2 rejects',
    );
  });

  it('prints at most one line a second on a non-terminal, and the last state at the end', () => {
    let now = 0;
    const out = new MemoryOutput();
    const reporter = new ProgressReporter(out, () => now);
    reporter.update(progress(100, 100));
    now = 400;
    reporter.update(progress(200, 400));
    now = 1200;
    reporter.update(progress(300, 1200));
    now = 1500;
    reporter.update(progress(400, 1500));
    reporter.finish();
    expect(out.lines.map((l) => l.split(',')[1]?.trim())).toEqual(['100 rows', '300 rows', '400 rows']);
  });
});

describe('formatTable', () => {
  it('aligns columns, counting CJK characters as two columns wide', () => {
    const text = formatTable(
      ['区', 'value'],
      [
        ['东湖区', '1'],
        ['x', '22'],
      ],
    );
    expect(text.split('\n')).toEqual(['区      value', '------  -----', '东湖区  1', 'x       22']);
  });
});
