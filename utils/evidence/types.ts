// Evidence: what a capture stores, what the background keeps, and the messages between them.
import type { OrderStatus, Tracking } from '../types';

export type EvidenceKind = 'chat' | 'tracking' | 'order-detail' | 'product-page' | 'transcript';
export type PageCaptureKind = Exclude<EvidenceKind, 'transcript' | 'chat'>;
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['chat', 'tracking', 'order-detail', 'product-page', 'transcript'];

/** What tracking said at the moment of a tracking capture (kept so the case shows its history). */
export interface TrackingSnapshot {
  orderId: string;
  /** UTC ISO time of the capture */
  at: string;
  status?: OrderStatus;
  statusText?: string;
  tracking: Tracking;
}

/** Metadata of one stored item (an image part or a transcript). Bytes live beside it in IndexedDB. */
export interface EvidenceMeta {
  /** random UUID, made by the capturing tab so parts can name their original before saving */
  id: string;
  /** digits; absent when the page named no order */
  orderId?: string;
  kind: EvidenceKind;
  /** every item of one capture (parts, transcript, redacted copies) shares this id */
  captureId: string;
  url: string;
  title: string;
  /** UTC ISO */
  capturedAt: string;
  /** how the bytes were made, e.g. 'html2canvas-1.4.1+rgb' */
  method: string;
  bytes: number;
  mime: string;
  /** SHA-256 of the bytes as captured, lowercase hex; computed once and never recomputed into this field */
  sha256: string;
  extensionVersion: string;
  /** 1-based part number of a multi-image capture */
  part?: { index: number; count: number };
  /** the original this item was derived from (redacted copy) */
  derivedFrom?: string;
  /** what was changed in a derived copy, e.g. 'redacted: names, addresses, phone numbers' */
  derivation?: string;
  width?: number;
  height?: number;
  /** small JPEG data URL for the gallery (not evidence) */
  thumb?: string;
  note?: string;
  /** on tracking captures: what tracking said */
  tracking?: TrackingSnapshot;
  /** on transcripts: number of messages */
  messages?: number;
  /** what the capture could not do, in plain words (missing images, unreadable messages …) */
  problems?: string[];
}

/**
 * One item as the capturing tab sends it: its metadata and its bytes, in exactly one of three forms.
 * Where runtime messages are structured clones (Chrome 148+ with the manifest's message_serialization;
 * Firefox) the bytes go as a Blob (`blob`: only a reference travels) or, where Blobs do not arrive, as
 * they are (`bytes`); where messages are JSON (older Chrome), as a base64 data URL (`dataUrl`).
 */
export interface EvidenceUpload {
  blob?: Blob;
  bytes?: Uint8Array;
  dataUrl?: string;
  meta: Omit<EvidenceMeta, 'bytes' | 'extensionVersion'>;
}

/** The small per-order summary kept in storage.local under `local:evidenceIndex`. */
export interface EvidenceIndexEntry {
  id: string;
  kind: EvidenceKind;
  capturedAt: string;
  bytes: number;
  sha256: string;
  derivedFrom?: string;
}
/** orderId (or NO_ORDER_KEY) -> entries, oldest first */
export type EvidenceIndex = Record<string, EvidenceIndexEntry[]>;
export const NO_ORDER_KEY = 'no-order';

export interface TrackingHistoryEntry {
  captureId: string;
  /** the first image of that capture */
  evidenceId: string;
  capturedAt: string;
  snapshot: TrackingSnapshot;
}

export type EvidenceMessage =
  /** one slice of an upload; the background writes every item in ONE transaction when the last slice arrives */
  | { type: 'save-evidence'; upload: { id: string; index: number; count: number }; items: EvidenceUpload[] }
  | { type: 'list-evidence'; orderId?: string }
  | { type: 'get-evidence'; id: string }
  | { type: 'update-note'; id: string; note: string }
  | { type: 'delete-evidence'; id: string }
  | { type: 'tracking-history'; orderId: string }
  /** re-read one of the page's own images (AliExpress image hosts only) so the capture is not blank */
  | { type: 'fetch-image'; url: string }
  /** do bytes and Blobs survive a runtime message as they are? Either is new Uint8Array([1, 2, 3]) (in a Blob) */
  | { type: 'message-format'; probe?: Uint8Array; blob?: Blob };

export type Failure = { ok: false; error: string; code?: 'quota' | 'unavailable' | 'invalid' | 'not-found' };

export type EvidenceReply<M extends EvidenceMessage> = M extends { type: 'save-evidence' }
  ? { ok: true; pending: true } | { ok: true; pending: false; saved: EvidenceMeta[] } | Failure
  : M extends { type: 'list-evidence' }
    ? { ok: true; items: EvidenceMeta[] } | Failure
    : M extends { type: 'get-evidence' }
      ? { ok: true; meta: EvidenceMeta; dataUrl: string } | Failure
      : M extends { type: 'update-note' }
        ? { ok: true; meta: EvidenceMeta } | Failure
        : M extends { type: 'delete-evidence' }
          ? { ok: true; deleted: string[] } | Failure
          : M extends { type: 'tracking-history' }
            ? { ok: true; history: TrackingHistoryEntry[] } | Failure
            : M extends { type: 'fetch-image' }
              ? { ok: true; dataUrl: string } | Failure
              : M extends { type: 'message-format' }
                ? { ok: true; bytes: boolean; blob: boolean } | Failure
                : never;
