// Messages between the content scripts, extension pages and the background. Chrome sends them as JSON.
import type { PageReading } from './types';
import type { CaseRecord } from './cases/case-store';
import type { Settings, UserFacts } from './store/items';
import type { EvidenceMessage, EvidenceReply } from './evidence/types';
import type { ReminderMessage } from './reminders/types';
import type { OpenCaseMessage } from './case/url';

export type Message =
  | { type: 'page-read'; url: string; reading: PageReading }
  | { type: 'ping' }
  | EvidenceMessage
  | ReminderMessage
  | OpenCaseMessage;

/**
 * What a page needs to badge the orders it read, answered with their save: their records as now stored,
 * the user's facts for them and the settings (the page draws its first badges without reading storage).
 */
export interface BadgeInputs {
  cases: Record<string, CaseRecord>;
  userFacts: UserFacts;
  settings: Settings;
}

export type Reply<M extends Message> = M extends EvidenceMessage ? EvidenceReply<M> : M extends { type: 'page-read' } ? { ok: true; orders: number; badges: BadgeInputs } : M extends { type: 'ping' } ? { ok: true } : M extends ReminderMessage ? { ok: true } | { ok: false; error: string } : M extends OpenCaseMessage ? { ok: true } | { ok: false; error: string } : never;
