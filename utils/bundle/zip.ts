// A zip written as it goes: images are STORED (method 0: PNG and JPEG are compressed already, and stored
// bytes can be checked byte for byte), text is deflated (fflate). Every entry's CRC-32 and sizes are
// known before its bytes are written, so each local header carries them (no data descriptors).
//
// The .zip is a Blob made of parts. A stored entry given as a Blob (a capture as IndexedDB keeps it, a
// JPEG as the encoder made it) becomes a part by reference: its bytes are not copied through this page
// again. Headers, text and stored byte arrays are gathered and folded into a Blob every few MB, so a
// bundle of hundreds of MB need not sit in the JS heap.
//
// No ZIP64: a bundle past 4 GiB or 65,535 files is refused with a plain error, never written wrong.
import { Deflate } from 'fflate';
import { crc32 } from './crc32';

const FOLD_BYTES = 16 * 1024 * 1024;
const TEXT_SLICE = 256 * 1024;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

interface Entry {
  name: Uint8Array;
  utf8: boolean;
  method: 0 | 8;
  dosTime: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export class ZipTooLargeError extends Error {
  constructor(what: string) {
    super(`the bundle is too large for a .zip (${what}); export fewer captures at a time`);
    this.name = 'ZipTooLargeError';
  }
}

/** MS-DOS date and time (local time, 2-second steps), as zip headers want them: time low, date high. */
function dosTime(d: Date): number {
  const y = d.getFullYear() - 1980;
  if (y < 0 || y > 119) throw new Error(`a zip cannot hold the date ${d.toISOString()}`);
  return ((y << 25) | ((d.getMonth() + 1) << 21) | (d.getDate() << 16) | (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1)) >>> 0;
}

function header(e: Entry, central: boolean): Uint8Array {
  const n = e.name.length;
  const out = new Uint8Array((central ? 46 : 30) + n);
  const v = new DataView(out.buffer);
  let at = 0;
  v.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
  at += 4;
  if (central) {
    v.setUint16(at, 20, true); // made by: zip 2.0
    at += 2;
  }
  v.setUint16(at, 20, true); // needed to extract: 2.0
  v.setUint16(at + 2, e.utf8 ? 0x0800 : 0, true); // bit 11: the name is UTF-8
  v.setUint16(at + 4, e.method, true);
  v.setUint32(at + 6, e.dosTime, true);
  v.setUint32(at + 10, e.crc, true);
  v.setUint32(at + 14, e.compressedSize, true);
  v.setUint32(at + 18, e.size, true);
  v.setUint16(at + 22, n, true);
  v.setUint16(at + 24, 0, true); // extra field length
  at += 26;
  if (central) {
    // comment length, disk, internal attributes, external attributes: all 0
    v.setUint32(at + 10, e.offset, true);
    at += 14;
  }
  out.set(e.name, at);
  return out;
}

export class ZipWriter {
  private parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private entries: Entry[] = [];
  private finished = false;
  /** bytes written so far */
  size = 0;

  private write(chunk: Uint8Array) {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.size += chunk.length;
    if (this.pendingBytes >= FOLD_BYTES) this.fold();
  }

  private writeBlob(blob: Blob) {
    this.fold();
    this.parts.push(blob);
    this.size += blob.size;
  }

  private fold() {
    if (!this.pending.length) return;
    this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  private begin(path: string, method: 0 | 8, mtime: Date, crc: number, compressedSize: number, size: number) {
    if (this.finished) throw new Error('the zip is already finished');
    const name = new TextEncoder().encode(path);
    if (name.length > 0xffff) throw new Error(`file name too long for a zip: ${path.slice(0, 80)}…`);
    if (this.entries.length >= MAX_ENTRIES) throw new ZipTooLargeError(`more than ${MAX_ENTRIES} files`);
    if (this.size + 30 + name.length + compressedSize >= MAX_32) throw new ZipTooLargeError('more than 4 GiB');
    const e: Entry = { name, utf8: name.length !== path.length, method, dosTime: dosTime(mtime), crc: crc >>> 0, compressedSize, size, offset: this.size };
    this.entries.push(e);
    this.write(header(e, false));
  }

  /**
   * Add bytes exactly as given (method 0). A Blob goes in by reference and needs its CRC-32 (the caller
   * has read it to hash it anyway); for a byte array it is computed here when not given.
   */
  addStored(path: string, data: Uint8Array | Blob, mtime: Date, crc?: number): void {
    if (data instanceof Uint8Array) {
      this.begin(path, 0, mtime, crc ?? crc32(data), data.length, data.length);
      this.write(data);
    } else {
      if (crc === undefined) throw new Error(`the CRC-32 of ${path} is needed`);
      this.begin(path, 0, mtime, crc, data.size, data.size);
      this.writeBlob(data);
    }
  }

  /**
   * Add text, deflated, in slices with a turn for the page between them: deflating a report of a few
   * MB in one go would freeze the page for a noticeable moment. Returns the UTF-8 bytes (for hashing).
   */
  async addText(path: string, text: string, mtime: Date, turn: () => Promise<void> = async () => undefined): Promise<Uint8Array> {
    const bytes = new TextEncoder().encode(text);
    const chunks: Uint8Array[] = [];
    let compressed = 0;
    const deflate = new Deflate({ level: 6 }, (chunk) => {
      chunks.push(chunk);
      compressed += chunk.length;
    });
    let crc = 0;
    if (!bytes.length) deflate.push(bytes, true);
    for (let at = 0; at < bytes.length; at += TEXT_SLICE) {
      const end = Math.min(bytes.length, at + TEXT_SLICE);
      const slice = bytes.subarray(at, end);
      crc = crc32(slice, crc);
      deflate.push(slice, end === bytes.length);
      if (end < bytes.length) await turn();
    }
    this.begin(path, 8, mtime, crc, compressed, bytes.length);
    for (const c of chunks) this.write(c);
    return bytes;
  }

  /** The central directory and its end record; the whole .zip. */
  finish(): Promise<Blob> {
    if (this.finished) throw new Error('the zip is already finished');
    const start = this.size;
    for (const e of this.entries) this.write(header(e, true));
    const length = this.size - start;
    if (this.size + 22 >= MAX_32) throw new ZipTooLargeError('more than 4 GiB');
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.entries.length, true);
    v.setUint16(10, this.entries.length, true);
    v.setUint32(12, length, true);
    v.setUint32(16, start, true);
    this.write(end);
    this.fold();
    this.finished = true;
    return Promise.resolve(new Blob(this.parts, { type: 'application/zip' }));
  }
}
