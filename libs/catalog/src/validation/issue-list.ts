import type { SourceFile } from '../loading/source-file';
import { formatPath, type CatalogIssue, type PathSegment } from './catalog-issue';

/**
 * Collects issues from every stage of loading so that they are all reported together; issues
 * about a parsed file get their line and column from it.
 */
export class IssueList {
  private readonly list: CatalogIssue[] = [];

  get issues(): readonly CatalogIssue[] {
    return this.list;
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** Adds an issue at `path` of `source` (a parsed file, or just a file name). */
  add(source: SourceFile | string, path: readonly PathSegment[], message: string, atKey = false): void {
    if (typeof source === 'string') {
      this.list.push({ file: source, path: formatPath(path), message });
      return;
    }
    const position = source.locate(path, atKey);
    this.list.push({
      file: source.file,
      path: formatPath(path),
      message,
      ...(position ? { line: position.line, column: position.column } : {}),
    });
  }

  /** Adds an issue whose position is already known (YAML syntax errors). */
  addAt(file: string, message: string, line?: number, column?: number): void {
    this.list.push({ file, path: '', message, ...(line === undefined ? {} : { line, column: column ?? 1 }) });
  }
}
