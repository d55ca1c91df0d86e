// The shape every page reader returns before readings are merged and deadlines computed.
import type { ChatReading, OrderFacts, ReadContext } from '../types';
import type { Json } from './payload';

export interface PartialReading {
  orders: OrderFacts[];
  problems: string[];
  chat?: ChatReading;
}

export type DomReader = (doc: Document, ctx: ReadContext) => PartialReading;
export type PayloadReader = (payload: Json, ctx: ReadContext) => PartialReading;

/** A selector with what it finds and the fixtures (file names under tests/fixtures/aliexpress/) it must match. */
export interface SelectorDef {
  css: string;
  what: string;
  fixtures: string[];
}

export const sel = (css: string, what: string, fixtures: string[]): SelectorDef => ({ css, what, fixtures });
