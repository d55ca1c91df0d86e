// Runtime messages are JSON in Chrome: bytes travel as base64 data URLs and become Blobs again in the
// background. Done by hand (no fetch(dataUrl)) so no request shows up anywhere.

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToDataUrl(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${bytesToBase64(bytes)}`;
}

export async function blobToDataUrl(blob: Blob): Promise<string> {
  return bytesToDataUrl(new Uint8Array(await blob.arrayBuffer()), blob.type || 'application/octet-stream');
}

/** The mime type and bytes of a base64 data URL; undefined when it is not one. */
export function parseDataUrl(url: string): { mime: string; bytes: Uint8Array } | undefined {
  const m = /^data:([\w.+-]+\/[\w.+-]+)(?:;[\w-]+=[\w.-]+)*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(url);
  if (!m) return undefined;
  try {
    return { mime: m[1].toLowerCase(), bytes: base64ToBytes(m[2]) };
  } catch {
    return undefined;
  }
}

/** Approximate size of a data URL's bytes without decoding it. */
export function dataUrlBytes(url: string): number {
  const b64 = url.length - url.indexOf(',') - 1;
  const padding = url.endsWith('==') ? 2 : url.endsWith('=') ? 1 : 0;
  return Math.floor((b64 * 3) / 4) - padding;
}
