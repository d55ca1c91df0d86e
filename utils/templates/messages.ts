// English messages to the seller and to AliExpress, filled from the case, with a short explanation in
// Korean and English beside each. AliExpress agents and most sellers read English; what the user must
// still write is left in [square brackets]. Wording follows dispute-rules.md §8.5–8.7: list every
// difference, name the evidence, never promise to confirm receipt or close a dispute early.
import { formatDate } from '../i18n';
import type { EvidenceKind } from '../evidence/types';
import { relevantDeadline, replyByDate, type TemplateFacts, type TemplateReason } from './facts';

export type Audience = 'seller' | 'aliexpress' | 'card-company' | 'kca';

export interface FilledTemplate {
  id: string;
  audience: Audience;
  reason: TemplateReason;
  /** the language of `text` */
  lang: 'en' | 'ko';
  title: { en: string; ko: string };
  text: string;
  /** what this text is and how to use it, in both languages (shown beside the text) */
  explanation: { en: string; ko: string };
  /** the [parts] the user still has to fill in */
  placeholders: string[];
}

const d = (ymd: string | undefined) => (ymd ? formatDate(ymd, 'en') : undefined);
const or = (v: string | undefined, placeholder: string) => v ?? `[${placeholder}]`;

/** The [bracketed] parts left in a text, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\[[^\]\n]{1,120}\]/g)].map((m) => m[0]))];
}

function itemsText(f: TemplateFacts): string {
  const titles = f.items.map((i) => i.title.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!titles.length) return '[item]';
  const short = titles.map((t) => (t.length > 80 ? `${t.slice(0, 77)}…` : t));
  return short.length > 2 ? `${short.slice(0, 2).join('; ')} and ${short.length - 2} more` : short.join('; ');
}

const KIND_WORDS: Record<EvidenceKind, string> = {
  chat: 'the chat with the seller',
  tracking: 'the tracking page',
  'order-detail': 'the order page',
  'product-page': 'the product page (listing)',
  transcript: 'the chat transcript',
};

/** "the order page (captured Jul 20, 2026); the tracking page (captured Jul 25 and Aug 1, 2026)" */
export function evidenceSentence(f: TemplateFacts): string | undefined {
  const byKind = new Map<EvidenceKind, { days: string[]; messages: number }>();
  for (const c of f.captures) {
    const entry = byKind.get(c.kind) ?? { days: [], messages: 0 };
    const day = c.capturedAt.slice(0, 10);
    if (!entry.days.includes(day)) entry.days.push(day);
    entry.messages = Math.max(entry.messages, c.messages ?? 0);
    byKind.set(c.kind, entry);
  }
  if (!byKind.size) return undefined;
  return [...byKind.entries()]
    .map(([kind, e]) => {
      const days = e.days.map((x) => d(x)!);
      const when = days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days[days.length - 1]}` : days[0];
      const extra = kind === 'chat' && e.messages ? `, with a transcript of ${e.messages} messages` : '';
      return `${KIND_WORDS[kind]} (captured ${when}${extra})`;
    })
    .join('; ');
}

function trackingLines(f: TemplateFacts): string[] {
  const lines: string[] = [];
  if (f.trackingNumber) lines.push(`Tracking number ${f.trackingNumber}${f.carrier ? ` (${f.carrier})` : ''}.`);
  if (f.deliveredPerTracking && f.lastEvent) {
    lines.push(`Tracking says the parcel was delivered on ${d(f.lastEvent.at.slice(0, 10))} ("${f.lastEvent.text}"), but I have not received it.`);
  } else if (f.lastEvent) {
    const ago = f.daysSinceLastEvent !== undefined && f.daysSinceLastEvent > 0 ? `, ${f.daysSinceLastEvent} days ago` : '';
    lines.push(`The last tracking update was on ${d(f.lastEvent.at.slice(0, 10))}${ago}: "${f.lastEvent.text}".`);
  } else {
    lines.push('The tracking shows no update.');
  }
  return lines;
}

const byDeadline = (f: TemplateFacts, reason: TemplateReason) => {
  const dl = relevantDeadline(f, reason);
  return dl ? ` before ${d(dl.closesOn)}` : '';
};

function header(f: TemplateFacts, problem: string): string[] {
  return [
    `Order number: ${f.orderId}`,
    `Store: ${or(f.store, 'store name')}`,
    `Item: ${itemsText(f)}`,
    `Amount paid: ${or(f.total, 'amount paid')}`,
    `Problem: ${problem}`,
    '',
  ];
}

function evidenceLine(f: TemplateFacts, extra: string): string {
  const captured = evidenceSentence(f);
  return `Evidence attached: ${extra}${captured ? `${extra ? '; ' : ''}captures of ${captured}` : ''}. The SHA-256 of every file is listed in the attached AliProof evidence bundle.`;
}

const placedPaid = (f: TemplateFacts) =>
  `Order placed on ${or(d(f.placedOn), 'order date')}${f.paidOn && f.paidOn !== f.placedOn ? `, paid on ${d(f.paidOn)}` : ''}.`;

type Builder = (f: TemplateFacts) => Omit<FilledTemplate, 'placeholders' | 'id' | 'lang'>;

const SELLER: Record<TemplateReason, Builder> = {
  'not-received': (f) => ({
    audience: 'seller',
    reason: 'not-received',
    title: { en: 'To the seller: item not received', ko: '판매자에게: 상품 미수령' },
    text: [
      `Hello ${or(f.store, 'store name')},`,
      '',
      `I am writing about order ${f.orderId} (${itemsText(f)}), placed on ${or(d(f.placedOn), 'order date')}.`,
      '',
      [
        'The parcel has not arrived.',
        f.shippedOn ? `It was shipped on ${d(f.shippedOn)}.` : '',
        ...trackingLines(f),
        f.deliveredPerTracking ? "Please send me the carrier's proof of delivery (signature or photo)." : '',
      ]
        .filter(Boolean)
        .join(' '),
      '',
      `Please reply by ${d(replyByDate(f, 'not-received'))} and tell me whether you will resend the item or refund me in full.`,
      '',
      `I will not confirm receipt before the parcel arrives. If the problem is not solved, I will open a "not received" dispute with AliExpress${byDeadline(f, 'not-received')}.`,
      '',
      'Thank you,',
      '[your name]',
    ].join('\n'),
    explanation: {
      ko: '판매자에게 보내는 영어 메시지입니다. 상품이 오지 않았으니 재발송이나 전액 환불을 요청하고, 해결되지 않으면 "상품 미수령" 분쟁을 열겠다고 알립니다. [ ] 부분을 채운 뒤 알리익스프레스 채팅으로 보내고, 보낸 대화를 캡처해 두세요. 판매자가 기다려 달라고 해도 기한을 넘기지 마세요.',
      en: 'A message to the seller: the parcel has not arrived; ask for a resend or a full refund and say you will open a "not received" dispute otherwise. Fill in the [brackets], send it in the AliExpress chat, then capture the chat. Do not let a request to wait run past the deadline.',
    },
  }),
  'not-as-described': (f) => ({
    audience: 'seller',
    reason: 'not-as-described',
    title: { en: 'To the seller: not as described', ko: '판매자에게: 상품 설명과 다름' },
    text: [
      `Hello ${or(f.store, 'store name')},`,
      '',
      `I received order ${f.orderId} (${itemsText(f)})${f.deliveredOn ? ` on ${d(f.deliveredOn)}` : ''}. The item is not as described on the product page:`,
      '- [difference 1, e.g. the listing says "2 m", the cable I received is 1 m]',
      '- [difference 2]',
      '',
      `I have photos and a video of the item as it arrived${f.captures.some((c) => c.kind === 'product-page') ? ', and a capture of the product page' : ''}.`,
      '',
      `Please reply by ${d(replyByDate(f, 'not-as-described'))}. I ask for a full refund [or: the correct item / a partial refund of …]. If we cannot agree, I will open a "not as described" dispute with AliExpress${byDeadline(f, 'not-as-described')}.`,
      '',
      'Thank you,',
      '[your name]',
    ].join('\n'),
    explanation: {
      ko: '판매자에게 보내는 영어 메시지입니다. 받은 상품이 판매 페이지 설명과 다른 점을 하나씩 적고(예: 길이, 색상, 사이즈), 원하는 해결(전액 환불, 올바른 상품, 부분 환불)을 고르세요. 사이즈 문제는 자 옆에 놓은 사진과 사이즈 라벨 사진이 필요합니다.',
      en: 'A message to the seller: list every difference between the listing and what arrived, and choose what you want (full refund, the right item, or a partial refund). For a wrong size, photograph the item flat next to a ruler and the size label.',
    },
  }),
  damaged: (f) => ({
    audience: 'seller',
    reason: 'damaged',
    title: { en: 'To the seller: arrived damaged', ko: '판매자에게: 파손되어 도착' },
    text: [
      `Hello ${or(f.store, 'store name')},`,
      '',
      `Order ${f.orderId} (${itemsText(f)}) arrived damaged${f.deliveredOn ? ` on ${d(f.deliveredOn)}` : ''}. [Describe the damage, e.g. the screen is cracked and the box was crushed on one corner.]`,
      '',
      'I took photos of the outer packaging and of the item, and filmed the unboxing.',
      '',
      `Please reply by ${d(replyByDate(f, 'damaged'))}. I ask for a replacement or a full refund. If we cannot agree, I will open a dispute with AliExpress${byDeadline(f, 'damaged')}.`,
      '',
      'Thank you,',
      '[your name]',
    ].join('\n'),
    explanation: {
      ko: '판매자에게 보내는 영어 메시지입니다. 파손 내용을 구체적으로 적으세요. 겉포장과 상품 사진, 개봉 영상을 먼저 준비하고, 포장이 파손되었다면 택배사(우체국)에도 가능한 한 빨리 신고하세요.',
      en: 'A message to the seller: describe the damage precisely. Have photos of the outer packaging and the item, and the unboxing video, ready; if the packaging was damaged, report it to the carrier or post office as soon as possible.',
    },
  }),
  'seller-unresponsive': (f) => ({
    audience: 'seller',
    reason: 'seller-unresponsive',
    title: { en: 'To the seller: a last reminder', ko: '판매자에게: 마지막 독촉' },
    text: [
      `Hello ${or(f.store, 'store name')},`,
      '',
      `I wrote to you on [date of your first message] about order ${f.orderId} (${itemsText(f)}) and have had no answer.`,
      '[The problem, in one sentence.]',
      '',
      `Please answer by ${d(replyByDate(f, 'seller-unresponsive'))}. If I do not hear from you, I will open a dispute and ask AliExpress to decide${byDeadline(f, 'seller-unresponsive')}.`,
      '',
      'Thank you,',
      '[your name]',
    ].join('\n'),
    explanation: {
      ko: '답이 없는 판매자에게 보내는 마지막 영어 메시지입니다. 처음 연락한 날짜와 문제를 한 문장으로 적으세요. 답이 없으면 기다리지 말고 기한 안에 분쟁을 여세요. 보낸 메시지는 캡처해 두세요.',
      en: 'A last message to a seller who does not answer: give the date of your first message and the problem in one sentence. If there is still no answer, open the dispute in time instead of waiting. Capture the chat.',
    },
  }),
};

const ALIEXPRESS: Record<TemplateReason, Builder> = {
  'not-received': (f) => ({
    audience: 'aliexpress',
    reason: 'not-received',
    title: { en: 'To AliExpress: item not received', ko: '알리익스프레스에: 상품 미수령' },
    text: [
      ...header(f, 'item not received.'),
      'What happened:',
      `- ${placedPaid(f)}`,
      `- ${f.shippedOn ? `Shipped on ${d(f.shippedOn)}.` : 'Shipment date: [date].'} ${trackingLines(f).join(' ')}`,
      '- I asked the seller on [date] to resend the item or refund me. The seller [did not reply / answered: …].',
      '',
      evidenceLine(f, ''),
      '',
      `I ask for a full refund of ${or(f.total, 'amount paid')}.`,
    ].join('\n'),
    explanation: {
      ko: '알리익스프레스 분쟁 신청서의 설명란이나 고객센터 문의에 붙여 넣는 영어 글입니다. 판매자에게 연락한 날짜와 답변을 [ ] 안에 채우고, 증거 묶음의 AliExpress 폴더에 있는 이미지를 함께 올리세요.',
      en: 'For the description box of the AliExpress dispute or a customer-service request. Fill in when you contacted the seller and what they said, and upload the images from the bundle\'s AliExpress folder with it.',
    },
  }),
  'not-as-described': (f) => ({
    audience: 'aliexpress',
    reason: 'not-as-described',
    title: { en: 'To AliExpress: not as described', ko: '알리익스프레스에: 상품 설명과 다름' },
    text: [
      ...header(f, 'item not as described.'),
      'What the listing says and what I received:',
      '- Listing: [what the product page says] — Received: [what arrived]',
      '- Listing: [ ] — Received: [ ]',
      '',
      `${f.deliveredOn ? `Delivered on ${d(f.deliveredOn)}.` : 'Delivered on [date].'} I told the seller on [date]; the seller [answer].`,
      '',
      evidenceLine(f, 'photos of every difference (wrong size: the item flat next to a ruler, plus the size label), the unboxing video'),
      '',
      `I ask for a full refund of ${or(f.total, 'amount paid')} [with / without returning the item].`,
    ].join('\n'),
    explanation: {
      ko: '알리익스프레스 분쟁 설명란에 붙여 넣는 영어 글입니다. 판매 페이지 내용과 받은 상품의 차이를 모두 적으세요. 2개 넘게 샀다면 모두 다르다는 증거도 필요합니다. 큰 영상은 압축(zip)해서 올리세요.',
      en: 'For the description box of the AliExpress dispute. List every difference between the listing and what arrived; if you bought more than two, show that they all differ. Zip large videos before uploading.',
    },
  }),
  damaged: (f) => ({
    audience: 'aliexpress',
    reason: 'damaged',
    title: { en: 'To AliExpress: arrived damaged', ko: '알리익스프레스에: 파손되어 도착' },
    text: [
      ...header(f, 'item arrived damaged.'),
      'What happened:',
      `- ${f.deliveredOn ? `Delivered on ${d(f.deliveredOn)}.` : 'Delivered on [date].'} [Describe the damage.]`,
      '- The outer packaging was [intact / damaged]. I reported the damage to the carrier on [date, or "not yet"].',
      '- I told the seller on [date]; the seller [answer].',
      '',
      evidenceLine(f, 'photos of the packaging and of the damage, the unboxing video'),
      '',
      `I ask for [a full refund of ${or(f.total, 'amount paid')} / a replacement].`,
    ].join('\n'),
    explanation: {
      ko: '알리익스프레스 분쟁 설명란에 붙여 넣는 영어 글입니다. 파손 내용, 겉포장 상태, 택배사 신고 여부를 적으세요. 사진과 개봉 영상을 함께 올리세요.',
      en: 'For the description box of the AliExpress dispute: the damage, the state of the outer packaging and whether you reported it to the carrier. Upload the photos and the unboxing video with it.',
    },
  }),
  'seller-unresponsive': (f) => ({
    audience: 'aliexpress',
    reason: 'seller-unresponsive',
    title: { en: 'To AliExpress: the seller does not answer', ko: '알리익스프레스에: 판매자 무응답' },
    text: [
      ...header(f, 'the seller does not answer.'),
      '- [The problem, in one sentence.]',
      `- I wrote to the seller on [dates]; there has been no answer since [date].${f.captures.some((c) => c.kind === 'chat') ? ' The chat is attached.' : ''}`,
      `- ${trackingLines(f).join(' ')}`,
      '',
      evidenceLine(f, ''),
      '',
      `Please step in: I ask for a full refund of ${or(f.total, 'amount paid')}.`,
    ].join('\n'),
    explanation: {
      ko: '판매자가 답하지 않을 때 알리익스프레스 고객센터나 분쟁 설명란에 보내는 영어 글입니다. 판매자에게 연락한 날짜들을 적고 채팅 캡처를 첨부하세요. 한국 고객센터 전화 1877-4816(평일 09:00–18:00, 블로그 글 기준)도 있습니다.',
      en: 'For AliExpress customer service or the dispute description when the seller does not answer. Give the dates you wrote to the seller and attach the chat capture.',
    },
  }),
};

function finish(id: string, lang: 'en' | 'ko', t: Omit<FilledTemplate, 'placeholders' | 'id' | 'lang'>): FilledTemplate {
  return { id, lang, ...t, placeholders: placeholdersIn(t.text) };
}

export function sellerMessage(reason: TemplateReason, f: TemplateFacts): FilledTemplate {
  return finish(`seller-${reason}`, 'en', SELLER[reason](f));
}

export function aliexpressMessage(reason: TemplateReason, f: TemplateFacts): FilledTemplate {
  return finish(`aliexpress-${reason}`, 'en', ALIEXPRESS[reason](f));
}

/** Both English messages for a situation: to the seller first, then to AliExpress. */
export function messageTemplates(reason: TemplateReason, f: TemplateFacts): FilledTemplate[] {
  return [sellerMessage(reason, f), aliexpressMessage(reason, f)];
}

export { finish as finishTemplate };
