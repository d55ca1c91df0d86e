// File names inside the bundle: ASCII only (every unzip tool keeps them), sortable by capture time, and
// unique. The name says what a file is; the manifest says everything else.
import type { EvidenceMeta } from '../evidence/types';
import { PATHS, stamp } from './format';

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'text/plain': 'txt' };

export const extensionFor = (mime: string) => EXT[mime] ?? 'bin';

const short = (id: string) => id.replace(/[^0-9a-f]/gi, '').slice(0, 8).toLowerCase() || 'item';

function partSuffix(m: Pick<EvidenceMeta, 'part'>): string {
  return m.part && m.part.count > 1 ? `-part-${m.part.index}-of-${m.part.count}` : '';
}

function capturedStamp(m: Pick<EvidenceMeta, 'capturedAt'>): string {
  const at = new Date(m.capturedAt);
  return Number.isNaN(at.getTime()) ? 'unknown-time' : stamp(at);
}

/** The base name (no folder, no extension) of a stored evidence item. */
export function evidenceBaseName(m: EvidenceMeta): string {
  const copy = m.derivedFrom ? (/redact/i.test(m.derivation ?? '') ? '-redacted' : '-derived') : '';
  const kind = m.kind === 'transcript' ? 'chat-transcript' : m.kind;
  return `${capturedStamp(m)}-${kind}-${short(m.captureId)}${partSuffix(m)}${copy}`;
}

/** Where a stored item goes: transcripts under transcripts/, everything else under evidence/. */
export function evidencePath(m: EvidenceMeta): string {
  const folder = m.kind === 'transcript' ? PATHS.transcripts : PATHS.evidence;
  return `${folder}${evidenceBaseName(m)}.${extensionFor(m.mime)}`;
}

/** Keeps paths unique: a second "a.png" becomes "a-2.png". */
export class UniquePaths {
  private used = new Set<string>();
  take(path: string): string {
    let candidate = path;
    const dot = path.lastIndexOf('.');
    const [stem, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    for (let n = 2; this.used.has(candidate); n++) candidate = `${stem}-${n}${ext}`;
    this.used.add(candidate);
    return candidate;
  }
  has(path: string) {
    return this.used.has(path);
  }
}
