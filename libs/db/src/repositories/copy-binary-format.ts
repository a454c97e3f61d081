/**
 * Encoder for `COPY … FROM STDIN (FORMAT binary)`: a signature header, then per row a 16-bit field
 * count and each field as a 32-bit length (-1 for NULL) followed by the value in the type's binary
 * send form, then a -1 trailer. See https://www.postgresql.org/docs/current/sql-copy.html (Binary
 * Format). Cheaper than text on both ends for numeric and time columns: Node writes the bytes of a
 * double instead of formatting it, and PostgreSQL reads them instead of parsing text.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01T00:00:00Z). */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;

export class CopyBinaryEncoder {
  private buffer: Buffer;
  private offset = 0;

  constructor(initialBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(Math.max(initialBytes, 64));
  }

  /** The file header (signature, flags, extension length); once, before the first row. */
  header(): this {
    this.reserve(SIGNATURE.length + 8);
    this.offset += SIGNATURE.copy(this.buffer, this.offset);
    this.offset = this.buffer.writeInt32BE(0, this.offset);
    this.offset = this.buffer.writeInt32BE(0, this.offset);
    return this;
  }

  /** Starts a row of `fields` fields. */
  row(fields: number): this {
    this.reserve(2);
    this.offset = this.buffer.writeInt16BE(fields, this.offset);
    return this;
  }

  int4(value: number): this {
    this.reserve(8);
    this.offset = this.buffer.writeInt32BE(4, this.offset);
    this.offset = this.buffer.writeInt32BE(value, this.offset);
    return this;
  }

  float8(value: number | null | undefined): this {
    if (value === null || value === undefined) return this.null();
    this.reserve(12);
    this.offset = this.buffer.writeInt32BE(8, this.offset);
    this.offset = this.buffer.writeDoubleBE(value, this.offset);
    return this;
  }

  /** timestamptz (integer datetimes): microseconds since 2000-01-01 UTC as a signed 64-bit int. */
  timestamptz(value: Date): this {
    const micros = (value.getTime() - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    this.reserve(12);
    this.offset = this.buffer.writeInt32BE(8, this.offset);
    this.offset = this.buffer.writeInt32BE(high, this.offset);
    this.offset = this.buffer.writeUInt32BE(micros - high * TWO_32, this.offset);
    return this;
  }

  /** text / varchar: the UTF-8 bytes. */
  text(value: string): this {
    const bytes = Buffer.byteLength(value, 'utf8');
    this.reserve(4 + bytes);
    this.offset = this.buffer.writeInt32BE(bytes, this.offset);
    this.offset += this.buffer.write(value, this.offset, 'utf8');
    return this;
  }

  null(): this {
    this.reserve(4);
    this.offset = this.buffer.writeInt32BE(-1, this.offset);
    return this;
  }

  /** The file trailer; once, after the last row. */
  trailer(): this {
    this.reserve(2);
    this.offset = this.buffer.writeInt16BE(-1, this.offset);
    return this;
  }

  get length(): number {
    return this.offset;
  }

  /** The bytes written since the last take, as a copy; the encoder starts over empty. */
  take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.offset));
    this.offset = 0;
    return out;
  }

  private reserve(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }
}
