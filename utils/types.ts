// The facts AliProof reads from a page, shared by readers, the deadline engine, the background and the UI.
// Field names follow the page-reading contract (see README "read-page").

export type PageKind = 'order-list' | 'order-detail' | 'tracking' | 'chat' | 'unknown';

/** closed = cancelled / expired / refunded */
export type OrderStatus =
  | 'awaiting-payment'
  | 'awaiting-shipment'
  | 'awaiting-delivery'
  | 'completed'
  | 'closed'
  | 'unknown';

export type DeadlineKind =
  | 'not-received'
  | 'after-delivery'
  | 'not-as-described'
  | 'card-chargeback'
  | 'paypal'
  | 'free-return'
  | (string & {});

export interface Deadline {
  kind: DeadlineKind;
  /** earliest day a dispute of this kind is accepted, when known */
  opensOn?: string;
  /** last safe day, YYYY-MM-DD */
  closesOn: string;
  /** read from the page's own text, or computed from a rule (or entered by the user) */
  source: 'page' | 'rule';
  /** true when a needed fact was missing and a fallback was used */
  estimated: boolean;
  /** the page text or the rule id */
  basis: string;
}

export interface TrackingEvent {
  /** YYYY-MM-DDTHH:mm (year inferred when the page omits it) */
  at: string;
  title?: string;
  text: string;
  location?: string;
  /** AliExpress's locale-independent event code, when the payload gives one */
  code?: string;
}

export interface Tracking {
  number?: string;
  carrier?: string;
  /** latest promised delivery day, YYYY-MM-DD */
  eta?: string;
  /** newest first */
  events: TrackingEvent[];
}

export interface Money {
  amount: number;
  /** ISO 4217 */
  currency: string;
  text: string;
}

export interface OrderItem {
  title: string;
  quantity?: number;
  sku?: string;
  url?: string;
}

export interface PageNote {
  text: string;
  date?: string;
}

export interface OrderFacts {
  /** digits only */
  orderId: string;
  status: OrderStatus;
  statusText?: string;
  placedOn?: string;
  paidOn?: string;
  shippedOn?: string;
  deliveredOn?: string;
  completedOn?: string;
  store?: { name: string; url?: string };
  total?: Money;
  items: OrderItem[];
  pageNotes: PageNote[];
  tracking?: Tracking;
  /** e.g. "Credit/Debit card", "PayPal", as shown */
  paymentMethod?: string;
  deadlines: Deadline[];
  next?: Deadline & { daysLeft: number };
}

export interface ChatMessage {
  sender: 'buyer' | 'seller' | 'system' | 'unknown';
  senderName?: string;
  /** as shown on the page */
  timeText?: string;
  /** YYYY-MM-DDTHH:mm when the time could be read */
  at?: string;
  text: string;
}

export interface ChatReading {
  store?: string;
  orderId?: string;
  messages: ChatMessage[];
}

export interface PageReading {
  /** kind of the last file read */
  kind: PageKind;
  /** every order found, merged by orderId */
  orders: OrderFacts[];
  /** what could not be read, in plain words */
  problems: string[];
  /** present on chat pages */
  chat?: ChatReading;
}

/** Everything a reader needs besides the page itself. */
export interface ReadContext {
  /** the page address, when known */
  url?: string;
  /** "now" for year inference and days-left; defaults to the current time */
  now?: Date;
}

export function emptyOrder(orderId: string): OrderFacts {
  return { orderId, status: 'unknown', items: [], pageNotes: [], deadlines: [] };
}
