// The backup file: ONE zip (fflate) holding every order, setting and piece of evidence.
//
//   aliproof-backup.json        the manifest: format + version, what each file is, sizes, SHA-256s,
//                               and every evidence item's metadata (as stored, with its schemaVersion)
//   storage/<item>.json         one file per storage item, at the version named in the manifest
//   evidence/<id>.<ext>         the evidence bytes exactly as stored (images are not recompressed:
//                               zipped with "store", so the bytes and their SHA-256 never change)
//   SHA256SUMS                  the same hashes for `sha256sum -c` (for people; restore ignores it)
//   README.txt                  what this file is (for people)
//
// Why a zip and not JSON with base64: captures are PNGs that are already compressed, so base64
// would add a third to their size and need the whole file as one string in memory; a zip keeps the
// bytes as they are, can be opened and checked with ordinary tools, and deflates the JSON parts.
import type { EvidenceMeta } from '../evidence/types';
import { arrayOf, int, matches, object, oneOf, optional, str, ISO_TIME, type Check, isRecord } from '../migrations/shape';

export const BACKUP_FORMAT = 'aliproof-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'aliproof-backup.json';
export const SUMS_PATH = 'SHA256SUMS';
export const README_PATH = 'README.txt';

/** Limits that keep a hostile or damaged file from exhausting memory before it is refused. */
export const LIMITS = {
  /** the backup file itself */
  fileBytes: 2 * 1024 * 1024 * 1024,
  /** one evidence file */
  evidenceBytes: 256 * 1024 * 1024,
  /** one JSON file */
  jsonBytes: 64 * 1024 * 1024,
  /** all files, unpacked */
  totalBytes: 4 * 1024 * 1024 * 1024,
  files: 200_000,
};

export interface StorageEntry {
  /** registry name (utils/migrations/registry.ts), e.g. 'settings' */
  name: string;
  path: string;
  /** version of the stored value */
  version: number;
  bytes: number;
  sha256: string;
}

export interface EvidenceEntry {
  path: string;
  /** the stored metadata; `bytes` and `sha256` describe the file at `path` */
  meta: EvidenceMeta & { schemaVersion?: number };
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  extensionVersion: string;
  storage: StorageEntry[];
  evidence: EvidenceEntry[];
  /** what this browser held but the backup does not, and why (plain words) */
  notIncluded: { what: string; why: string }[];
}

const ID = /^[A-Za-z0-9_-]{1,80}$/;
export const EVIDENCE_PATH = /^evidence\/([A-Za-z0-9_-]{1,80})\.(png|jpg|webp|txt|html|json|bin)$/;
export const STORAGE_PATH = /^storage\/([A-Za-z][A-Za-z0-9]{0,40})\.json$/;

/** Is this a name a backup may contain? (No folders beyond ours, no "..", no absolute or Windows paths.) */
export function isAllowedPath(name: string): boolean {
  return name === MANIFEST_PATH || name === SUMS_PATH || name === README_PATH || EVIDENCE_PATH.test(name) || STORAGE_PATH.test(name);
}

const EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'text/html': 'html',
  'application/json': 'json',
};
export const evidencePath = (meta: Pick<EvidenceMeta, 'id' | 'mime'>) => `evidence/${meta.id}.${EXT[meta.mime.split(';')[0]] ?? 'bin'}`;
export const storagePath = (name: string) => `storage/${name}.json`;

/** Already-compressed formats are stored as they are; text is deflated. */
export const isCompressed = (mime: string) => /^image\/(png|jpeg|webp)/.test(mime);

const sha = matches(/^[0-9a-f]{64}$/, 'a SHA-256');

/** The manifest's own shape (evidence metadata is checked separately, by its own version). */
export const checkManifest: Check = object({
  format: oneOf(BACKUP_FORMAT),
  formatVersion: int(1),
  createdAt: matches(ISO_TIME, 'a time'),
  extensionVersion: str,
  storage: arrayOf(
    object({ name: matches(/^[A-Za-z][A-Za-z0-9]{0,40}$/, 'an item name'), path: str, version: int(1, 1000), bytes: int(0), sha256: sha }),
    100,
  ),
  evidence: arrayOf(
    object({
      path: str,
      meta: (v, p) => (isRecord(v) ? object({ id: matches(ID, 'an evidence id'), schemaVersion: optional(int(1, 1000)) })(v, p) : `${p} is not an object`),
    }),
    LIMITS.files,
  ),
  notIncluded: optional(arrayOf(object({ what: str, why: str }))),
});
