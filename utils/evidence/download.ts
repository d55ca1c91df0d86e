// When a capture cannot be saved, the user still gets it: one .zip (images, transcript, and a
// capture.json with each file's SHA-256) offered as a download link they click.
import { zipSync } from 'fflate';

export interface DownloadFile {
  name: string;
  blob: Blob;
  sha256: string;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z').replace('T', '-');

export function downloadName(kind: string, orderId: string | undefined, at: Date): string {
  return `aliproof-${kind}${orderId ? `-${orderId}` : ''}-${stamp(at)}.zip`;
}

export async function makeZip(files: DownloadFile[], manifest: Record<string, unknown>): Promise<Blob> {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) entries[f.name] = [new Uint8Array(await f.blob.arrayBuffer()), { level: 0 }]; // PNGs are compressed already
  const listing = { ...manifest, files: files.map((f) => ({ name: f.name, bytes: f.blob.size, sha256: f.sha256 })) };
  entries['capture.json'] = [new TextEncoder().encode(JSON.stringify(listing, null, 2)), { level: 0 }];
  return new Blob([zipSync(entries) as BlobPart], { type: 'application/zip' });
}
