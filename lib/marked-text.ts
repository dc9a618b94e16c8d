/**
 * A text answered many times with a different value at the same places (a cached page and its CSP
 * nonce), as is or gzipped — without encoding or compressing the whole text again for each answer.
 *
 * The text is cut at the marker once. For gzip, each piece is deflated once on its own and ends with a
 * full flush (byte-aligned, no back-references across it), so an answer is the pieces' compressed bytes
 * with the value between them as a stored (uncompressed) block, a final empty block, and the CRC-32 and
 * length of the whole text: a standard single-member gzip (RFC 1951 §3.2.4, RFC 1952), for a few dozen
 * bytes of work besides the checksum.
 */
import zlib from "node:zlib";

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);
/** BFINAL=1, BTYPE=00 (stored), LEN=0, NLEN=0xFFFF. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
const MAX_STORED = 0xffff;

/** A non-final stored block holding `bytes` (at most 65,535), starting at a byte boundary. */
function storedBlock(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

/**
 * The buffers laid end to end in one allocation of their exact size, as views into it: small buffers
 * from Buffer.from or zlib would each keep a larger pooled or chunk-sized allocation alive (five times
 * the bytes, measured on a proposal page).
 */
function packed(buffers: Buffer[]): Buffer[] {
  const whole = Buffer.alloc(buffers.reduce((n, b) => n + b.length, 0));
  let at = 0;
  return buffers.map((b) => {
    b.copy(whole, at);
    at += b.length;
    return whole.subarray(at - b.length, at);
  });
}

export class MarkedText {
  private deflated: Buffer[] | null = null;

  private constructor(private readonly pieces: Buffer[]) {}

  /** `text` cut at every occurrence of `marker`. */
  static of(text: string, marker: string): MarkedText {
    return new MarkedText(packed(text.split(marker).map((piece) => Buffer.from(piece))));
  }

  /** Bytes held (the pieces, and their compressed form once made). */
  get size(): number {
    const sum = (buffers: Buffer[]) => buffers.reduce((n, b) => n + b.length, 0);
    return sum(this.pieces) + (this.deflated ? sum(this.deflated) : 0);
  }

  /** The text with `value` in the marker's places, UTF-8. */
  filled(value: string): Buffer {
    const bytes = Buffer.from(value);
    return Buffer.concat(this.pieces.flatMap((piece, i) => (i === 0 ? [piece] : [bytes, piece])));
  }

  /** The same as `filled(value)`, gzipped. */
  gzipped(value: string): Buffer {
    const bytes = Buffer.from(value);
    if (bytes.length > MAX_STORED) throw new RangeError("value longer than a stored block");
    this.deflated ??= packed(
      this.pieces.map((piece) => zlib.deflateRawSync(piece, { level: 6, finishFlush: zlib.constants.Z_FULL_FLUSH })),
    );
    const stored = storedBlock(bytes);
    const chunks: Buffer[] = [GZIP_HEADER];
    let crc = 0;
    let length = 0;
    this.pieces.forEach((piece, i) => {
      if (i > 0) {
        chunks.push(stored);
        crc = zlib.crc32(bytes, crc);
        length += bytes.length;
      }
      chunks.push(this.deflated![i]!);
      // Nothing to add for an empty piece; and Node's crc32 answers 0 for an empty buffer zlib has deflated.
      if (piece.length > 0) crc = zlib.crc32(piece, crc);
      length += piece.length;
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(length % 2 ** 32, 4);
    chunks.push(FINAL_EMPTY_BLOCK, trailer);
    return Buffer.concat(chunks);
  }
}
