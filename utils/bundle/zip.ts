// A zip written as it goes (fflate's streaming Zip): images are STORED (level 0: PNG and JPEG are
// compressed already, and stored bytes can be checked byte for byte), text is deflated. Output chunks
// are folded into Blobs every few MB, so a bundle of hundreds of MB need not sit in the JS heap.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

const FOLD_BYTES = 16 * 1024 * 1024;
const TEXT_SLICE = 256 * 1024;

export class ZipWriter {
  private zip: Zip;
  private chunks: Uint8Array[] = [];
  private chunkBytes = 0;
  private parts: Blob[] = [];
  private done: Promise<Blob>;
  private error: Error | undefined;
  /** bytes written so far */
  size = 0;

  constructor() {
    let resolve!: (b: Blob) => void;
    let reject!: (e: Error) => void;
    this.done = new Promise<Blob>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.error = err;
        return reject(err);
      }
      this.chunks.push(chunk);
      this.chunkBytes += chunk.length;
      this.size += chunk.length;
      if (this.chunkBytes >= FOLD_BYTES || final) this.fold();
      if (final) resolve(new Blob(this.parts, { type: 'application/zip' }));
    });
  }

  private fold() {
    if (!this.chunks.length) return;
    this.parts.push(new Blob(this.chunks as BlobPart[]));
    this.chunks = [];
    this.chunkBytes = 0;
  }

  private check() {
    if (this.error) throw this.error;
  }

  /** Add bytes exactly as given (compression method 0). */
  addStored(path: string, bytes: Uint8Array, mtime: Date): void {
    this.check();
    const file = new ZipPassThrough(path);
    file.mtime = mtime;
    this.zip.add(file);
    file.push(bytes, true);
  }

  /**
   * Add text, deflated, in slices with a turn for the page between them: deflating a report of a few
   * MB in one go would freeze the page for a noticeable moment.
   */
  async addText(path: string, text: string, mtime: Date, turn: () => Promise<void> = async () => undefined): Promise<Uint8Array> {
    this.check();
    const bytes = new TextEncoder().encode(text);
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = mtime;
    this.zip.add(file);
    if (!bytes.length) file.push(bytes, true);
    for (let at = 0; at < bytes.length; at += TEXT_SLICE) {
      const end = Math.min(bytes.length, at + TEXT_SLICE);
      file.push(bytes.subarray(at, end), end === bytes.length);
      if (end < bytes.length) await turn();
    }
    this.check();
    return bytes;
  }

  finish(): Promise<Blob> {
    this.check();
    this.zip.end();
    return this.done;
  }
}
