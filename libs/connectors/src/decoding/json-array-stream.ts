import { MalformedBodyError, SchemaDriftError } from '../errors/source-errors';

/**
 * Streams the elements of a top-level JSON array (`[{…},{…}]`, as OpenDataSoft and Socrata
 * exports are) without holding the whole document: the text is scanned for element boundaries
 * (tracking strings, escapes and nesting) and each element is parsed on its own. Memory is bounded
 * by the largest element, not by the file.
 *
 * @throws SchemaDriftError when the document is not an array; MalformedBodyError when it is cut or invalid.
 */
export async function* jsonArrayElements(text: AsyncIterable<string>, what: string): AsyncGenerator<unknown> {
  let started = false;
  let finished = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  const emit = (): unknown => {
    const body = element.trim();
    element = '';
    if (body === '') return undefined;
    try {
      return JSON.parse(body) as unknown;
    } catch (error) {
      throw new MalformedBodyError(
        `${what}: an array element is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
  };
  for await (const chunk of text) {
    for (const ch of chunk) {
      if (finished) {
        if (!/\s/.test(ch))
          throw new MalformedBodyError(`${what}: unexpected text after the closing bracket`);
        continue;
      }
      if (!started) {
        if (ch === '\uFEFF' || /\s/.test(ch)) continue;
        if (ch !== '[')
          throw new SchemaDriftError(`${what}: expected a JSON array of records, found "${ch}…"`);
        started = true;
        continue;
      }
      if (inString) {
        element += ch;
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (depth === 0 && (ch === ',' || ch === ']')) {
        const value = emit();
        if (value !== undefined) yield value;
        if (ch === ']') finished = true;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
      element += ch;
    }
  }
  if (!started) throw new SchemaDriftError(`${what}: the body is empty, expected a JSON array`);
  if (!finished)
    throw new MalformedBodyError(`${what}: the JSON array is cut off before its closing bracket`);
}
