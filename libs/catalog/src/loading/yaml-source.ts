import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { PathSegment } from '../validation/catalog-issue';
import type { IssueList } from '../validation/issue-list';
import type { SourceFile, SourcePosition } from './source-file';

/** Child node of a map or sequence, and the node of its key when it sits in a map. */
function child(node: unknown, segment: PathSegment): { value: unknown; key?: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment)) {
        return { value: pair.value, key: pair.key };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function startOf(node: unknown): number | undefined {
  const range = (node as Partial<Node> | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/**
 * Reads and parses one YAML file. Syntax errors (with line and column) and a missing file go to
 * `issues`, and the result is undefined: the content of a broken file is not checked further.
 */
export async function readYamlSource(
  dir: string,
  file: string,
  issues: IssueList,
): Promise<SourceFile | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.addAt(
      file,
      code === 'ENOENT'
        ? 'file not found (expected a YAML file at this path)'
        : `cannot read file (${String(code)})`,
    );
    return undefined;
  }
  return parseYamlSource(file, text, issues);
}

/** Parses YAML text already in memory; see {@link readYamlSource}. */
export function parseYamlSource(file: string, text: string, issues: IssueList): SourceFile | undefined {
  const lineCounter = new LineCounter();
  // uniqueKeys: a repeated key in a mapping is an error, not a silent "last one wins".
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      // linePos is only filled in with prettyErrors, which also rewrites the message: compute it.
      const { line, col } = lineCounter.linePos(error.pos[0]);
      issues.addAt(file, `YAML syntax error: ${error.message.split('\n')[0]}`, line, col);
    }
    return undefined;
  }
  const position = (offset: number | undefined): SourcePosition | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    data: doc.toJS({ maxAliasCount: 100 }) as unknown,
    locate(path: readonly PathSegment[], atKey = false): SourcePosition | undefined {
      let node: unknown = doc.contents;
      let found = startOf(node);
      for (let i = 0; i < path.length; i++) {
        const next = child(node, path[i]);
        if (!next) break;
        const isLast = i === path.length - 1;
        node = next.value;
        found = (isLast && atKey ? startOf(next.key) : startOf(node)) ?? startOf(next.key) ?? found;
      }
      return position(found);
    },
  };
}
