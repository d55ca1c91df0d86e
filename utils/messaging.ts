// Messages between the content scripts, extension pages and the background. Chrome sends them as JSON.
import type { PageReading } from './types';

export type Message =
  | { type: 'page-read'; url: string; reading: PageReading }
  | { type: 'ping' };

export type Reply<M extends Message> = M extends { type: 'page-read' } ? { ok: true; orders: number } : M extends { type: 'ping' } ? { ok: true } : never;
