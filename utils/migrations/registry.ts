// Every stored format, its current version, the migrations from each earlier version, and the shape
// of the current version. Storage items pass `version` + `migrations` to WXT storage (which keeps the
// stored version in `<key>$`); backup restore runs the same migrations on a backup's values and
// checks the same shapes. Evidence metadata in IndexedDB has its own version (`schemaVersion`,
// absent = 1). Rule for a new version N: add `N: fn` below, bump `version`, and save an example of
// version N-1 as tests/fixtures/storage/<name>-v<N-1>.json (tests/unit/migrations checks all of them).
import { EVIDENCE_KINDS } from '../evidence/types';
import { SETTINGS_VERSIONING } from './settings';
import { RULE_IDS } from '../deadlines/rules';
import {
  anyJson,
  arrayOf,
  bool,
  int,
  ISO_TIME,
  isRecord,
  matches,
  object,
  oneOf,
  optional,
  ORDER_ID,
  recordOf,
  str,
  YMD,
  type Check,
} from './shape';

export type Migration = (value: any) => unknown;

export interface StoredFormat {
  /** storage.local key (WXT `local:<key>`), or the IndexedDB record kind */
  key: string;
  version: number;
  /** migrations[n] turns version n-1 into version n */
  migrations: Record<number, Migration>;
  /** the shape of the current version */
  check: Check;
  /** kept in backup files (derived or per-browser data is not) */
  backup: boolean;
}

const orderKey = { re: ORDER_ID, what: 'an order number' };
const SAFE_ID = /^[A-Za-z0-9_-]{1,80}$/;

const caseRecord: Check = (v, p) => {
  const err = object({
    orderId: matches(ORDER_ID, 'an order number'),
    facts: object({
      orderId: matches(ORDER_ID, 'an order number'),
      status: str,
      items: arrayOf(object({ title: str })),
      pageNotes: arrayOf(object({ text: str })),
      deadlines: arrayOf(anyJson),
    }),
    seen: recordOf(object({ value: str, firstSeen: str })),
    firstSeen: str,
    lastSeen: str,
    sources: arrayOf(object({ kind: str, url: str, at: str })),
  })(v, p);
  if (err) return err;
  const r = v as { orderId: string; facts: { orderId: string } };
  return r.facts.orderId !== r.orderId ? `${p}: the facts name another order` : undefined;
};

const casesV1: Check = (v, p) => {
  const err = object({ version: oneOf(1), cases: recordOf(caseRecord, orderKey) })(v, p);
  if (err) return err;
  for (const [id, rec] of Object.entries((v as { cases: Record<string, { orderId: string }> }).cases)) {
    if (rec.orderId !== id) return `${p}.cases.${id} is filed under another order number`;
  }
  return undefined;
};

// the v1 fact names (utils/store/items.ts USER_FACT_KEYS); an unknown name is refused, never applied
const USER_FACT_NAME = /^(placedOn|paidOn|shippedOn|deliveredOn|completedOn|status|paymentMethod|notReceived)$/;
const userFactsV1 = recordOf(recordOf(object({ value: str, at: str }), { re: USER_FACT_NAME, what: 'a known fact' }), orderKey);
const checklistV1 = recordOf(object({ reason: optional(str), ticks: recordOf(bool, { re: /^[\w.-]{1,80}$/, what: 'a checklist item' }) }), orderKey);

const caseNotesV1 = recordOf(object({ text: str, updatedAt: matches(ISO_TIME, 'a time') }), orderKey);

const evidenceIndexV1 = recordOf(
  arrayOf(object({ id: matches(SAFE_ID, 'an evidence id'), kind: str, capturedAt: str, bytes: int(0), sha256: matches(/^[0-9a-f]{64}$/, 'a SHA-256') })),
  { re: /^(\d{6,}|no-order)$/, what: 'an order number' },
);

const reminderDays = arrayOf(int(0, 60), 8);
export const checkReminderPrefsV1 = recordOf(object({ muted: optional(bool), days: optional(reminderDays) }), orderKey);
/** sent keys: `<orderId>|<clock kind>|<closesOn>|<threshold>` */
export const SENT_KEY = /^\d{6,}\|[\w-]{1,40}\|\d{4}-\d{2}-\d{2}\|\d{1,2}$/;
export const checkReminderLogV1 = object({
  sent: recordOf(matches(ISO_TIME, 'a time'), { re: SENT_KEY, what: 'a reminder' }),
  lastCheckDay: optional(matches(YMD, 'a date')),
  backupNotifiedAt: optional(matches(ISO_TIME, 'a time')),
});
export const checkBackupStateV1 = object({
  lastBackupAt: optional(matches(ISO_TIME, 'a time')),
  backedUpIds: arrayOf(matches(SAFE_ID, 'an evidence id'), 1_000_000),
});

const ruleOverrides: Check = (v, p) => {
  const err = recordOf(int(0, 3650))(v, p);
  if (err) return err;
  const unknown = Object.keys(v as object).find((k) => !(RULE_IDS as string[]).includes(k));
  return unknown ? `${p}.${unknown} is not a known rule` : undefined;
};
const settingsV2 = object({
  language: oneOf('auto', 'ko', 'en'),
  stallDays: int(1, 365),
  ruleOverrides,
  redactByDefault: bool,
  reminderDays: arrayOf(int(0, 60), 8),
  reminderHour: int(0, 23),
  warnDays: int(1, 60),
});

export const FORMATS = {
  cases: { key: 'cases', version: 1, migrations: {}, check: casesV1, backup: true },
  userFacts: { key: 'userFacts', version: 1, migrations: {}, check: userFactsV1, backup: true },
  checklist: { key: 'checklist', version: 1, migrations: {}, check: checklistV1, backup: true },
  settings: { key: 'settings', ...SETTINGS_VERSIONING, check: settingsV2, backup: true },
  // the user's own note per order (utils/case/notes.ts)
  caseNotes: { key: 'caseNotes', version: 1, migrations: {}, check: caseNotesV1, backup: true },
  reminderPrefs: { key: 'reminderPrefs', version: 1, migrations: {}, check: checkReminderPrefsV1, backup: true },
  // what was already notified: restored too, so a new browser does not repeat old reminders
  reminderLog: { key: 'reminderLog', version: 1, migrations: {}, check: checkReminderLogV1, backup: true },
  // derived from the evidence (rebuilt after a restore)
  evidenceIndex: { key: 'evidenceIndex', version: 1, migrations: {}, check: evidenceIndexV1, backup: false },
  // about this browser's own backups
  backupState: { key: 'backupState', version: 1, migrations: {}, check: checkBackupStateV1, backup: false },
} as const satisfies Record<string, StoredFormat>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

const dataImage = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/;

export const checkEvidenceMetaV1: Check = object({
  id: matches(SAFE_ID, 'an evidence id'),
  orderId: optional(matches(ORDER_ID, 'an order number')),
  kind: oneOf(...EVIDENCE_KINDS),
  captureId: matches(SAFE_ID, 'a capture id'),
  url: str,
  title: str,
  capturedAt: matches(ISO_TIME, 'a time'),
  method: str,
  bytes: int(0, 512 * 1024 * 1024),
  mime: matches(/^[\w.+-]+\/[\w.+-]+$/, 'a file type'),
  sha256: matches(/^[0-9a-f]{64}$/, 'a SHA-256'),
  extensionVersion: str,
  part: optional(object({ index: int(1), count: int(1) })),
  derivedFrom: optional(matches(SAFE_ID, 'an evidence id')),
  derivation: optional(str),
  width: optional(int(0)),
  height: optional(int(0)),
  thumb: optional(matches(dataImage, 'a small image')),
  note: optional(str),
  messages: optional(int(0)),
  problems: optional(arrayOf(str)),
  schemaVersion: optional(oneOf(1)),
  tracking: optional((v, p) => (isRecord(v) ? undefined : `${p} is not an object`)),
});

/** Evidence metadata in IndexedDB (`items` store): version in `schemaVersion`, absent = 1. */
export const EVIDENCE_META: StoredFormat = { key: 'evidence-meta', version: 1, migrations: {}, check: checkEvidenceMetaV1, backup: true };

export type MigrationResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Bring a value of version `from` to the current version of `format`, then check its shape. */
export function migrateValue(format: StoredFormat, value: unknown, from: number): MigrationResult {
  if (!Number.isInteger(from) || from < 1) return { ok: false, error: `version ${String(from)} is not a version` };
  if (from > format.version) return { ok: false, error: `version ${from} was made by a newer AliProof (this one reads up to ${format.version})` };
  let v = value;
  try {
    for (let n = from + 1; n <= format.version; n++) {
      const step = format.migrations[n];
      if (step) v = step(v) ?? v;
    }
  } catch (e) {
    return { ok: false, error: `the change to version ${format.version} failed: ${(e as Error).message}` };
  }
  const err = format.check(v, format.key);
  return err ? { ok: false, error: err } : { ok: true, value: v };
}

/** `version` and `migrations` for `storage.defineItem`. */
export function itemVersioning(name: FormatName): { version: number; migrations: Record<number, Migration> } {
  const f: StoredFormat = FORMATS[name];
  return { version: f.version, migrations: f.migrations };
}
