import * as iconv from 'iconv-lite';
import { EncodingError } from '../errors/source-errors';

/** Encodings a manifest can declare. `auto` tries strict UTF-8 first and falls back to GB18030. */
export type DeclaredEncoding = 'auto' | 'utf-8' | 'gbk' | 'gb18030';

/** How much of the body is inspected before the encoding is decided. */
const SNIFF_BYTES = 64 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Result of looking at the first bytes of a body. */
export interface EncodingVerdict {
  encoding: 'utf-8' | 'gb18030';
  /** The body starts with a UTF-8 byte order mark. */
  bom: boolean;
}

function isValidUtf8Prefix(bytes: Buffer): boolean {
  try {
    // `stream: true` tolerates a multi-byte sequence cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decides the encoding of a body from its first bytes. */
export function sniffEncoding(sample: Buffer): EncodingVerdict {
  if (sample.subarray(0, 3).equals(UTF8_BOM)) return { encoding: 'utf-8', bom: true };
  return { encoding: isValidUtf8Prefix(sample) ? 'utf-8' : 'gb18030', bom: false };
}

function hasNonAscii(bytes: Buffer): boolean {
  return bytes.some((b) => b >= 0x80);
}

/**
 * Decodes a byte stream to text chunks. BOMs are dropped. With `auto` the first 64 KiB decide
 * between UTF-8 and GB18030 (a superset of GBK); a declared encoding that the bytes contradict —
 * UTF-8 declared but the bytes are not UTF-8, or GBK declared but the bytes are clean multi-byte
 * UTF-8 — is refused with {@link EncodingError} rather than producing mojibake.
 */
export async function* decodeText(
  chunks: AsyncIterable<Buffer>,
  declared: DeclaredEncoding,
): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headSize = 0;
  let done = false;
  while (headSize < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headSize += next.value.length;
  }
  const sample = Buffer.concat(head);
  const verdict = sniffEncoding(sample);
  let encoding: 'utf-8' | 'gb18030';
  if (declared === 'auto') encoding = verdict.encoding;
  else if (declared === 'utf-8') {
    if (verdict.encoding !== 'utf-8') {
      throw new EncodingError(
        'decoding.encoding is utf-8 but the body is not valid UTF-8 (it looks like GBK/GB18030); declare gbk or auto',
      );
    }
    encoding = 'utf-8';
  } else {
    if (verdict.bom || (verdict.encoding === 'utf-8' && hasNonAscii(sample))) {
      throw new EncodingError(
        `decoding.encoding is ${declared} but the body is valid UTF-8 text; declare utf-8 or auto`,
      );
    }
    encoding = 'gb18030';
  }

  const rest: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  const all = async function* (): AsyncGenerator<Buffer> {
    if (sample.length > 0) yield sample;
    if (!done) yield* rest;
  };

  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    let offset = 0;
    for await (const chunk of all()) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch (error) {
        throw new EncodingError(
          `invalid UTF-8 near byte ${offset}; declare decoding.encoding: gb18030 if the file is GBK`,
          { cause: error },
        );
      }
      offset += chunk.length;
      if (text) yield text;
    }
    try {
      const tail = decoder.decode();
      if (tail) yield tail;
    } catch (error) {
      throw new EncodingError('the body ends inside a UTF-8 multi-byte sequence', { cause: error });
    }
    return;
  }
  const decoder = iconv.getDecoder('gb18030', { stripBOM: true });
  for await (const chunk of all()) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** Decodes a whole buffer (JSON pages) with the same rules as {@link decodeText}. */
export async function decodeBuffer(bytes: Buffer, declared: DeclaredEncoding): Promise<string> {
  let text = '';
  for await (const part of decodeText(single(bytes), declared)) text += part;
  return text;
}

async function* single(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}
