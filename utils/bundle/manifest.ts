// manifest.json: every file of the bundle except manifest.json and SHA256SUMS themselves, with its
// size, SHA-256, what it is, and where it came from. Originals are the bytes as stored at capture;
// derived files name the original they were made from and how.
import { BUNDLE_FORMAT_VERSION, MANIFEST_FORMAT, PATHS } from './format';

export type FileRole =
  /** a capture's bytes exactly as stored (image or transcript) */
  | 'original'
  /** made from an original: redacted copies, AliExpress JPEGs, transcript JSON, tracking snapshots */
  | 'derived'
  /** written by AliProof at export: report, order facts, letters, the checker */
  | 'generated';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
  mime: string;
  role: FileRole;
  /** what the file is, in plain words (English) */
  description: string;
  /** UTC ISO time of the capture (originals and their copies) */
  capturedAt?: string;
  /** the page the capture was made on */
  pageUrl?: string;
  /** how the bytes were made, e.g. 'html2canvas-1.4.1+rgb', 'canvas-jpeg q=0.85' */
  method: string;
  /** AliProof version that made these bytes (the capture's, for originals; the one that prepared them, for prepared AliExpress copies; the exporter's, otherwise) */
  extensionVersion: string;
  /** the evidence repository's id, for stored items */
  evidenceId?: string;
  captureId?: string;
  kind?: string;
  part?: { index: number; count: number };
  /** derived files: the original they were made from */
  derivedFrom?: { path?: string; evidenceId?: string };
  /** derived files: what was changed */
  derivation?: string;
  /** originals: the SHA-256 recorded at capture (equal to sha256 unless the stored bytes changed) */
  sha256AtCapture?: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  orderId: string;
  /** UTC ISO */
  createdAt: string;
  aliproofVersion: string;
  hashAlgorithm: 'SHA-256';
  note: string;
  files: ManifestFile[];
  problems: string[];
}

export function buildManifest(meta: { orderId: string; createdAt: Date; aliproofVersion: string }, files: readonly ManifestFile[], problems: readonly string[]): Manifest {
  return {
    format: MANIFEST_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    orderId: meta.orderId,
    createdAt: meta.createdAt.toISOString(),
    aliproofVersion: meta.aliproofVersion,
    hashAlgorithm: 'SHA-256',
    note: `Every file of this bundle is listed here except ${PATHS.manifest} and ${PATHS.sums}; ${PATHS.sums} lists every file except itself (check with "sha256sum -c ${PATHS.sums}" or ${PATHS.verify}).`,
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    problems: [...problems],
  };
}
