// Texts AliExpress shows, per locale and per year. Readers match these only to choose between rows or
// as a fallback: locale-independent keys (codes, hrefs, button types) come first.
import type { OrderStatus } from '../types';

/** Status text -> OrderStatus. Matched after trimming, folding spaces and case. */
const STATUS_TEXTS: Record<Exclude<OrderStatus, 'unknown'>, string[]> = {
  'awaiting-payment': [
    'to pay', 'awaiting payment', 'unpaid', 'pending payment',
    'a ser pago', 'aguardando pagamento', // pt_BR
    'pendiente de pago', 'esperando el pago', // es
    'en attente de paiement', // fr
    'warten auf zahlung', 'zahlung ausstehend', // de
    '결제 대기', '결제 대기중', '결제 대기 중', // ko (app label; unverified on web)
  ],
  'awaiting-shipment': [
    'awaiting shipment', 'processing', 'awaiting dispatch',
    'processando', 'aguardando envio', // pt_BR
    'esperando el envío', 'procesando', // es
    'en attente d\'expédition', 'en cours de traitement', // fr
    'warten auf versand', // de
    'čaká sa na odoslanie', // sk
    '발송 대기', '발송 대기중', '배송 준비중', '처리 중', // ko (unverified)
  ],
  'awaiting-delivery': [
    'awaiting delivery', 'shipped', 'processed', 'in transit',
    'aguardando a entrega', 'aguardando entrega', 'enviado', 'processado', // pt_BR
    'esperando la entrega', 'enviado', // es
    'en attente de livraison', 'expédié', // fr
    'warten auf lieferung', 'versandt', // de
    'čaká sa na doručenie', // sk
    '배송 대기', '배송 대기중', '배송 중', '배송중', '수령 대기', '수령 대기중', // ko (unverified)
  ],
  completed: [
    'completed', 'finished', 'order completed', 'complete',
    'concluído', 'concluido', 'finalizado', // pt_BR
    'completado', 'finalizado', // es
    'terminée', 'terminé', // fr
    'abgeschlossen', // de
    'dokončené', // sk
    '완료', '주문 완료', '거래 완료', // ko (unverified)
  ],
  closed: [
    'canceled', 'cancelled', 'order cancelled', 'order canceled', 'closed', 'expired', 'payment expired', 'refunded',
    'cancelado', 'pedido cancelado', 'compra cancelada', 'expirado', 'pagamento expirado', 'reembolsado', // pt_BR
    'cancelada', 'reembolsada', // es
    'annulée', 'annulé', 'expirée', // fr
    'storniert', 'abgebrochen', 'abgelaufen', // de
    'zrušené', 'platnosť vypršala', // sk
    '주문 취소', '취소됨', '취소', '환불 완료', '만료', '결제 만료', // ko (unverified)
  ],
};

const STATUS_BY_TEXT = new Map<string, OrderStatus>();
for (const [status, texts] of Object.entries(STATUS_TEXTS)) {
  for (const t of texts) if (!STATUS_BY_TEXT.has(t)) STATUS_BY_TEXT.set(t, status as OrderStatus);
}

export function normaliseText(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** OrderStatus from a status text as shown; 'unknown' when the text is not one we know. */
export function statusFromText(text: string | null | undefined): OrderStatus {
  const t = normaliseText(text).toLowerCase().replace(/[.:!]+$/, '');
  return STATUS_BY_TEXT.get(t) ?? 'unknown';
}

/** `global.orderStatus` / `utParams.args.orderStatus` codes. Only 8 and 9 are agreed by the sources. */
export function statusFromCode(code: string | number | null | undefined): OrderStatus {
  const c = String(code ?? '').trim();
  if (c === '8') return 'awaiting-delivery';
  if (c === '9') return 'completed';
  return 'unknown';
}

/**
 * Row labels of the order list header and detail info rows, every generation and locale we know.
 * Matched as a prefix of the row text, case-insensitive, with an optional colon.
 */
export const ROW_LABELS = {
  orderDate: ['order date', 'date', 'dátum', 'data do pedido', 'data', 'fecha', 'datum', '주문 날짜', '주문일자', '주문일', '주문 일자', '날짜'],
  orderId: ['order id', 'ref. number', 'ref number', 'order number', 'referenčné číslo', 'número do pedido', 'nº do pedido', 'número de pedido', 'nº de pedido', 'bestellnummer', '주문 번호', '주문번호', '주문 id', '참조 번호'],
  placedOn: ['order placed on', 'order time', 'placed on', 'pedido feito em', 'pedido realizado em', 'pedido efectuado el', 'bestellt am', '주문 일시', '주문 날짜', '주문일'],
  paidOn: ['paid on', 'payment time', 'payment date', 'date received', 'pago em', 'pagado el', 'bezahlt am', '결제일', '결제 날짜', '결제 일시'],
  shippedOn: ['shipment completed on', 'shipped on', 'shipping time', 'enviado em', 'envío completado el', 'versandt am', '배송 완료일', '발송일', '발송 완료일'],
  completedOn: ['order completed on', 'completed on', 'concluído em', 'pedido concluído em', 'completado el', 'abgeschlossen am', '주문 완료일', '완료일'],
  paymentMethod: ['payment method', 'forma de pagamento', 'método de pago', 'zahlungsmethode', '결제 방법', '결제 수단'],
  total: ['total', 'order total', 'celkom', 'gesamt', '합계', '총액', '총 금액'],
} as const;

// each label list sorted once, not on every row it is tried against
const longestFirst = new WeakMap<readonly string[], readonly string[]>();
function sortedLongestFirst(labels: readonly string[]): readonly string[] {
  let sorted = longestFirst.get(labels);
  if (!sorted) longestFirst.set(labels, (sorted = [...labels].sort((a, b) => b.length - a.length)));
  return sorted;
}

/** The label of `text` among `labels` (longest match first), and the value after it. */
export function splitLabel(text: string, labels: readonly string[]): { label: string; value: string } | undefined {
  const t = normaliseText(text);
  const lower = t.toLowerCase();
  for (const l of sortedLongestFirst(labels)) {
    if (lower.startsWith(l)) {
      const rest = t.slice(l.length);
      if (rest === '' || /^\s*[:：]/.test(rest) || /^\s/.test(rest)) {
        return { label: t.slice(0, l.length), value: rest.replace(/^\s*[:：]?\s*/, '') };
      }
    }
  }
  return undefined;
}

/** Trailing "Copy" buttons glued to ids and numbers ("Ref. Number: 8212… Copy"). */
export const COPY_TEXTS = ['copy', 'kopírovať', 'copiar', 'copier', 'kopieren', '복사', 'コピー', 'копировать'];

/**
 * Status titles that mean the order is closed however they are worded ("Order closed: payment not
 * received", "Cancelled by the seller"): the fallback when `statusFromText` does not know the text.
 */
export const CLOSED_STATUS_RE =
  /\b(?:cancell?ed|closed|expired|refunded)\b|cancelad|reembolsad|expirad|annul|storniert|abgebrochen|abgelaufen|zrušen|취소|만료|환불 완료/i;

/** Order-detail service progress nodes ("Paid" / "Refund" + date, aliexpress-pages.md §2.4, §4). */
export const PROGRESS_NODE_LABELS = {
  paid: ['paid', 'pago', 'pagado', 'payé', 'bezahlt', 'zaplatené', 'opłacono', 'оплачено', '결제 완료', '결제됨', '결제'],
  refund: ['refund', 'reembolso', 'remboursement', 'rimborso', 'rückerstattung', 'erstattung', 'vrátenie peňazí', 'zwrot', 'возврат', '환불'],
} as const;

/** Payment methods that are not a card (R-CB-120 does not apply) and PayPal (R-PP-180 applies). */
export const PAYPAL_RE = /paypal/i;
export const CARD_RE = /card|cart[aã]o|tarjeta|carte|karte|카드|visa|master|amex|kredit|débito|debito|crédito|credito/i;
