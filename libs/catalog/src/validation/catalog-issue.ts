/** One problem found in the catalogue files. */
export interface CatalogIssue {
  /** File relative to the catalogue directory, with forward slashes (`brand-projects/smart-traffic.yaml`). */
  file: string;
  /** Key path inside the file (`kpis[2].weight`); empty for a problem with the whole file. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
  /** 1-based position in the file, when it is known. */
  line?: number;
  column?: number;
}

/** A path segment as zod and the YAML document use them. */
export type PathSegment = string | number;

/** Renders `['kpis', 2, 'weight']` as `kpis[2].weight`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** One line per issue: `file: path — message (line L, column C)`. */
export function formatIssue(issue: CatalogIssue): string {
  const where = issue.path === '' ? issue.file : `${issue.file}: ${issue.path}`;
  const position = issue.line === undefined ? '' : ` (line ${issue.line}, column ${issue.column ?? 1})`;
  return `${where} — ${issue.message}${position}`;
}
