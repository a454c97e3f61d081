import type { PathSegment } from '../validation/catalog-issue';

/** A 1-based position in a file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A catalogue file that was read and parsed, with a way back from key paths to positions. */
export interface SourceFile {
  /** Path relative to the catalogue directory, forward slashes. */
  file: string;
  /** Parsed content (plain JS values). */
  data: unknown;
  /**
   * Position of the value at `path`, or of the closest ancestor that exists. With `atKey`, the
   * position of the key itself (used for unknown keys).
   */
  locate(path: readonly PathSegment[], atKey?: boolean): SourcePosition | undefined;
}
