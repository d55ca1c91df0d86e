// Test data for the backup tests (not a test file itself): a browser's storage and evidence, and an
// in-memory RestoreTarget that records every write.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sha256Hex } from '@/utils/evidence/hash';
import type { EvidenceMeta } from '@/utils/evidence/types';
import type { RestoreEvidence, RestoreTarget } from '@/utils/backup/restore';

const DIR = resolve(__dirname, '..', '..', 'fixtures', 'storage');
export const storageFixture = (name: string) => JSON.parse(readFileSync(resolve(DIR, `${name}.json`), 'utf8'));

export const ORDER = '8203117745612098';

/** Deterministic bytes that look like a PNG (the content is not looked at, only hashed). */
export function pngBytes(size: number, seed: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let x = Math.imul(seed, 2654435761) >>> 0;
  for (let i = 8; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

export async function item(id: string, bytes: Uint8Array, over: Partial<EvidenceMeta> = {}): Promise<{ meta: EvidenceMeta; bytes: Uint8Array }> {
  return {
    bytes,
    meta: {
      id,
      orderId: ORDER,
      kind: 'chat',
      captureId: `cap-${id}`,
      url: 'https://www.aliexpress.com/p/message/index.html',
      title: 'Messages',
      capturedAt: '2026-11-05T08:00:00.000Z',
      method: 'html2canvas-1.4.1+rgb',
      bytes: bytes.length,
      mime: 'image/png',
      sha256: await sha256Hex(bytes),
      extensionVersion: '0.1.0',
      ...over,
    },
  };
}

/** A browser with three orders, settings v2, per-order reminders, four captures (one a redacted copy). */
export async function sourceBrowser() {
  const text = new TextEncoder().encode('[2026-11-05 10:00] Seller: I will ship tomorrow\n');
  const evidence = [
    await item('ev-chat-1', pngBytes(180_000, 1), { part: { index: 1, count: 2 }, thumb: 'data:image/jpeg;base64,AAAA' }),
    await item('ev-chat-2', pngBytes(120_000, 2), { part: { index: 2, count: 2 } }),
    await item('ev-transcript', text, { kind: 'transcript', mime: 'text/plain', messages: 1 }),
    await item('ev-chat-1-redacted', pngBytes(90_000, 3), { derivedFrom: 'ev-chat-1', derivation: 'redacted: names' }),
  ];
  const storage: Record<string, unknown> = {
    cases: storageFixture('cases-v1'),
    userFacts: storageFixture('userFacts-v1'),
    checklist: storageFixture('checklist-v1'),
    caseNotes: storageFixture('caseNotes-v1'),
    settings: storageFixture('settings-v2'),
    settings$: { v: 2 },
    reminderPrefs: storageFixture('reminderPrefs-v1'),
    reminderLog: storageFixture('reminderLog-v1'),
    evidenceIndex: {},
    backupState: { backedUpIds: [] },
    futureThing: { x: 1 },
  };
  return { storage, evidence };
}

export interface MemoryTarget extends RestoreTarget {
  storage: Record<string, unknown>;
  evidence: RestoreEvidence[];
  writes: number;
}

export function memoryTarget(storage: Record<string, unknown> = {}, evidence: RestoreEvidence[] = [], free?: number, localRoom?: number): MemoryTarget {
  const t: MemoryTarget = {
    storage: structuredClone(storage),
    evidence: [...evidence],
    writes: 0,
    readStorage: async () => structuredClone(t.storage),
    evidenceKeys: async () => t.evidence.map((e) => ({ id: e.meta.id, sha256: e.meta.sha256 })),
    freeBytes: async () => free,
    localRoom: async () => localRoom,
    async writeEvidence(items) {
      t.writes++;
      if (items.some((i) => t.evidence.some((e) => e.meta.id === i.meta.id))) throw new Error('ConstraintError: key already exists');
      t.evidence.push(...items);
    },
    async writeStorage(values) {
      t.writes++;
      Object.assign(t.storage, structuredClone(values));
    },
  };
  return t;
}
