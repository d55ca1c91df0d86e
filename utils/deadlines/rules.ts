// The default dispute rules (shared/reference/dispute-rules.md §3) as data, with their sources.
// Used only where the page states nothing better; the engine (engine.ts) reads this table.
import type { DeadlineKind, OrderFacts } from '../types';

export type RuleId = 'R-NR-60' | 'R-AD-15' | 'R-NAD' | 'R-CB-120' | 'R-PP-180';

/** Days per rule, e.g. from the options page ({ 'R-AD-15': 7 }). */
export type RuleOverrides = Partial<Record<RuleId, number>>;

/** The order's calendar-date fields a rule can count from. */
export type DateField = keyof Pick<OrderFacts, 'placedOn' | 'paidOn' | 'shippedOn' | 'deliveredOn' | 'completedOn'>;

export interface Rule {
  id: RuleId;
  kind: DeadlineKind;
  /** default number of days added to the base date */
  days: number;
  /** human-readable base, as in the reference table */
  base: string;
  /**
   * How the base date is chosen from `fields`:
   * 'first' = the first known field (falling back past fields[0] makes the result `estimated`);
   * 'earliest' = the earliest of the known fields.
   */
  pick: 'first' | 'earliest';
  fields: readonly DateField[];
  /** informational opening day: `field` + `days`, only when that field is known */
  opens?: { field: DateField; days: number };
  /** extra condition beyond "paid and not closed" */
  when?: 'not-yet-delivered' | 'card-or-unknown-payment' | 'paypal-payment';
  sources: readonly string[];
  en: string;
  ko: string;
}

export const RULES: Readonly<Record<RuleId, Rule>> = {
  'R-NR-60': {
    id: 'R-NR-60',
    kind: 'not-received',
    days: 60,
    base: 'shippedOn, else paidOn, else placedOn',
    pick: 'first',
    fields: ['shippedOn', 'paidOn', 'placedOn'],
    opens: { field: 'shippedOn', days: 11 },
    when: 'not-yet-delivered',
    sources: [
      'AliExpress help buyerprotection/how_do_i_open_a_dispute.html: "60 days maximum" [V]',
      'copy of old dispute help: promised delivery time "as long as 60 days" [V-2nd]',
      'aliholic.com; bio-guard.net: 60 days [V-2nd]',
      'cnjdpart.com FAQ copy: protection "starts the day the seller ships" [V-2nd]',
      'AliExpress help mirror c. 2019-22: dispute available "on the 11th day after seller has sent out the goods" [V-2nd]',
    ],
    en: 'Item not received: 60 days after shipment (the shortest figure in the sources).',
    ko: '상품 미수령: 발송일로부터 60일 (출처 중 가장 짧은 기간).',
  },
  'R-AD-15': {
    id: 'R-AD-15',
    kind: 'after-delivery',
    days: 15,
    base: 'the earlier of deliveredOn and completedOn',
    pick: 'earliest',
    fields: ['deliveredOn', 'completedOn'],
    sources: [
      'AliExpress buyerprotection/seller_guaranteed.php: refund request up to 15 days after order completion [V]',
      'help mirrors (christinasbeautyjourney.blogspot.com, yahabibati.com): 15 days after delivery or confirmed receipt [V-2nd]',
      'promowelt.com; chinaparcels.com: 15 days [V-2nd]',
      'seed 000_3df4ace3e69a3238.txt: 15 days from receiving the item [seed]',
    ],
    en: 'Problem after delivery: 15 days after delivery or order completion, whichever is earlier.',
    ko: '수령 후 문제: 배송 완료일 또는 주문 완료일 중 빠른 날로부터 15일.',
  },
  'R-NAD': {
    id: 'R-NAD',
    kind: 'not-as-described',
    days: 15,
    base: 'the earlier of deliveredOn and completedOn',
    pick: 'earliest',
    fields: ['deliveredOn', 'completedOn'],
    sources: [
      'same window as R-AD-15 (AliExpress help lists not-as-described and defective under one dispute process) [V]',
      'longer "90 days after order was placed" exists only as page text (2026, BR account) [V]',
    ],
    en: 'Not as described: same 15-day window as after delivery, unless the page states its own.',
    ko: '상품 설명과 다름: 페이지에 별도 기간이 없으면 수령 후 문제와 같은 15일.',
  },
  'R-CB-120': {
    id: 'R-CB-120',
    kind: 'card-chargeback',
    days: 120,
    base: 'paidOn, else placedOn',
    pick: 'first',
    fields: ['paidOn', 'placedOn'],
    when: 'card-or-unknown-payment',
    sources: [
      'KCA chargeback guide (Nov 2017), reported by jemin.com, ytn.co.kr, news.sbs.co.kr, digitalchosun.dizzo.com: within 120 days of the card payment date [V-2nd]',
      'justt.ai: Visa 13.1 / 13.3, 120 days [V-2nd]',
      'chargebacks911.com: Amex 120 days, hard cap 540 days [V-2nd]',
    ],
    en: 'Card chargeback: ask your card issuer in writing within 120 days of payment.',
    ko: '카드 차지백: 결제일로부터 120일 이내에 카드사에 서면으로 신청.',
  },
  'R-PP-180': {
    id: 'R-PP-180',
    kind: 'paypal',
    days: 180,
    base: 'paidOn, else placedOn',
    pick: 'first',
    fields: ['paidOn', 'placedOn'],
    when: 'paypal-payment',
    sources: [
      'paypal.com smarthelp FAQ 1417: "open a dispute within 180 days of your payment" [V]',
      'AliExpress help mirror: PayPal dispute within 180 days after payment [V-2nd]',
      'PayPal page copy: not-as-described within 30 days of delivery or 180 of payment, whichever is sooner (not modelled) [V-2nd]',
    ],
    en: 'PayPal: open a PayPal dispute within 180 days of payment (some PayPal pages say 30 days after delivery for "not as described").',
    ko: 'PayPal: 결제일로부터 180일 이내에 PayPal 분쟁 제기 (설명과 다른 상품은 수령 후 30일이라는 PayPal 안내도 있음).',
  },
};

/** Rule ids in table order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Plain words for order date fields, for problems and tooltips. */
export const DATE_FIELD_WORDS: Readonly<Record<DateField, string>> = {
  placedOn: 'order date',
  paidOn: 'payment date',
  shippedOn: 'shipment date',
  deliveredOn: 'delivery date',
  completedOn: 'order completion date',
};
