// Messages between the content scripts, extension pages and the background. Chrome sends them as JSON.
import type { PageReading } from './types';
import type { EvidenceMessage, EvidenceReply } from './evidence/types';
import type { ReminderMessage } from './reminders/types';
import type { OpenCaseMessage } from './case/url';

export type Message =
  | { type: 'page-read'; url: string; reading: PageReading }
  | { type: 'ping' }
  | EvidenceMessage
  | ReminderMessage
  | OpenCaseMessage;

export type Reply<M extends Message> = M extends EvidenceMessage ? EvidenceReply<M> : M extends { type: 'page-read' } ? { ok: true; orders: number } : M extends { type: 'ping' } ? { ok: true } : M extends ReminderMessage ? { ok: true } | { ok: false; error: string } : M extends OpenCaseMessage ? { ok: true } | { ok: false; error: string } : never;
