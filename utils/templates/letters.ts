// Korean documents filled from the case: the card-company objection letter (해외 카드 이의제기, KCA guide:
// in writing within 120 days of the card payment, with the receipt, order details and the messages
// with the merchant — dispute-rules.md §8.1–8.2) and the facts the 소비자24 / 1372 consultation form
// asks for (own, business, item, transaction and damage details — §8.3). The user's own details are
// [placeholders]: AliProof stores none.
import { formatDate } from '../i18n';
import { timelineText, type TimelineEntry } from '../case/timeline';
import { relevantDeadline, type TemplateFacts, type TemplateReason } from './facts';
import { evidenceSentence, finishTemplate, type FilledTemplate } from './messages';

const dk = (ymd: string | undefined) => (ymd ? formatDate(ymd, 'ko') : undefined);
const or = (v: string | undefined, placeholder: string) => v ?? `[${placeholder}]`;

/** Tracking events kept in a letter: the first and the newest few (the report has them all). */
export const LETTER_TRACKING_EVENTS = 5;

/** The timeline as letter lines: past events only, tracking events thinned to the first and newest few. */
export function letterTimeline(entries: readonly TimelineEntry[], tzOffsetMinutes?: number): string[] {
  const past = entries.filter((e) => e.kind !== 'deadline' && e.kind !== 'fact-seen');
  const tracking = past.filter((e) => e.kind === 'tracking-event');
  const keep = new Set<TimelineEntry>([tracking[0], ...tracking.slice(-LETTER_TRACKING_EVENTS)].filter(Boolean));
  const lines: string[] = [];
  let skipped = 0;
  for (const e of past) {
    if (e.kind === 'tracking-event' && !keep.has(e)) {
      skipped++;
      continue;
    }
    if (skipped) {
      lines.push(`(배송 추적 기록 ${skipped}건 생략: 증거 보고서에 모두 있음)`);
      skipped = 0;
    }
    lines.push(timelineText(e, 'ko', tzOffsetMinutes));
  }
  return lines;
}

const REASON_KO: Record<TemplateReason, string> = {
  'not-received': '주문한 상품을 받지 못했습니다(미배송).',
  'not-as-described': '받은 상품이 판매 페이지의 설명과 다릅니다: [차이점을 적으세요].',
  damaged: '상품이 파손된 상태로 도착했습니다: [파손 내용을 적으세요].',
  'seller-unresponsive': '판매자가 연락에 응답하지 않고, 환불도 이루어지지 않았습니다.',
};

export const REASON_TITLE_KO: Record<TemplateReason, string> = {
  'not-received': '상품 미수령',
  'not-as-described': '상품 설명과 다름',
  damaged: '파손되어 도착',
  'seller-unresponsive': '판매자 무응답',
};

function itemLinesKo(f: TemplateFacts): string[] {
  if (!f.items.length) return ['- 상품명: [상품명]'];
  return f.items.map((i) => {
    const extra = [i.quantity ? `수량 ${i.quantity}` : '', i.sku ? `옵션: ${i.sku}` : ''].filter(Boolean).join(', ');
    return `- 상품명: ${i.title.replace(/\s+/g, ' ').trim()}${extra ? ` (${extra})` : ''}`;
  });
}

/** What the bundle attaches, as letter lines; without a list, a description of the usual bundle. */
function attachmentLines(f: TemplateFacts, attachments: readonly string[] | undefined): string[] {
  if (attachments?.length) return attachments.map((a) => `- ${a}`);
  const captured = evidenceSentence(f);
  return [
    '- AliProof 증거 묶음(.zip): 증거 보고서(report.html), 주문 정보(order.json), 원본 캡처 파일과 SHA-256 목록(SHA256SUMS, manifest.json)',
    ...(captured ? [`- 캡처: ${f.captures.length}건 (${f.captures.map((c) => dk(c.capturedAt.slice(0, 10))).join(', ')})`] : []),
  ];
}

export interface LetterInput {
  facts: TemplateFacts;
  reason: TemplateReason;
  /** the case timeline (buildTimeline), rendered into the letter */
  timeline: readonly TimelineEntry[];
  tzOffsetMinutes?: number;
  /** lines naming the attached files; default: the usual bundle */
  attachments?: readonly string[];
}

export function cardLetterKo({ facts: f, reason, timeline, tzOffsetMinutes, attachments }: LetterInput): FilledTemplate {
  const cb = f.deadlines['card-chargeback'];
  const paid = f.paidOn ?? f.placedOn;
  const deadlineLines = cb
    ? [
        `카드 결제일(${or(dk(paid), '결제일')})로부터 120일 이내에 서면으로 신청해야 합니다(한국소비자원 해외 카드 차지백 안내). 이 거래의 120일째 되는 날은 ${dk(cb.closesOn)}이며, 이 신청서는 그 전에 제출합니다.`,
        ...(cb.estimated ? ['(결제일을 알 수 없어 주문일로 계산했습니다. 카드 명세서의 결제일을 확인하세요.)'] : []),
        ...(cb.daysLeft < 0 ? [`주의: 120일이 ${-cb.daysLeft}일 지났습니다. 카드사에 접수 가능 여부를 먼저 문의하세요.`] : []),
      ]
    : ['카드 결제일로부터 120일 이내에 서면으로 신청해야 합니다(한국소비자원 해외 카드 차지백 안내). 결제일: [결제일], 120일째 되는 날: [날짜].'];
  const text = [
    '해외 카드 결제 이의제기(차지백) 신청서',
    '',
    '받는 곳: [카드사 이름] 해외이용 이의제기 담당',
    `작성일: ${dk(f.today)}`,
    '',
    '1. 신청인',
    '- 성명: [성명]',
    '- 카드번호 끝 4자리: [0000]',
    '- 연락처: [휴대전화 번호]',
    '- 이메일: [이메일 주소]',
    '',
    '2. 거래 내용',
    `- 가맹점: AliExpress (알리익스프레스), 판매자(스토어): ${or(f.store, '스토어 이름')}`,
    `- 주문번호: ${f.orderId}`,
    `- 주문일: ${or(dk(f.placedOn), '주문일')}`,
    `- 결제일: ${or(dk(f.paidOn), '결제일')}`,
    `- 결제 금액: ${or(f.total, '결제 금액')} (카드 청구 금액: [청구 금액])`,
    `- 결제 수단: ${or(f.paymentMethod, '카드 종류')}`,
    ...itemLinesKo(f),
    '',
    `3. 이의제기 사유: ${REASON_TITLE_KO[reason]}`,
    REASON_KO[reason],
    '',
    '4. 경위 (시간순)',
    ...letterTimeline(timeline, tzOffsetMinutes).map((l) => `- ${l}`),
    '',
    '5. 신청 기한',
    ...deadlineLines,
    '',
    '6. 판매자·알리익스프레스와의 해결 시도',
    '- 판매자에게 [날짜]에 연락했습니다. 판매자의 답변: [답변 내용 또는 "답변 없음"]',
    '- 알리익스프레스 분쟁: [분쟁을 열었는지, 날짜와 결과(거절 / 진행 중 / 환불 약속 후 미이행)]',
    '',
    '7. 첨부 자료',
    '- 거래영수증(결제 완료 내역): [직접 첨부]',
    ...attachmentLines(f, attachments),
    '',
    '8. 요청 사항',
    '위 거래의 결제 취소(차지백)를 요청합니다.',
    '',
    '신청인: [성명] (서명)',
  ].join('\n');
  return finishTemplate('card-letter-ko', 'ko', {
    audience: 'card-company',
    reason,
    title: { en: 'Card company: chargeback letter (Korean)', ko: '카드사: 해외 결제 이의제기 신청서' },
    text,
    explanation: {
      ko: `카드사에 서면으로 내는 이의제기(차지백) 신청서 초안입니다. 카드 결제일로부터 120일 이내에 신청해야 합니다${cb ? `(이 주문: ${dk(cb.closesOn)}까지)` : ''}. [ ] 부분을 채우고 거래영수증을 첨부하세요. 원화(KRW)로 결제되어 국내 거래로 처리된 경우 해외 차지백이 안 될 수 있으니 카드사에 먼저 확인하세요.`,
      en: `A draft of the written objection (chargeback) letter for a Korean card issuer. It must reach the issuer within 120 days of the card payment${cb ? ` (this order: by ${formatDate(cb.closesOn, 'en')})` : ''}. Fill in the [brackets] and attach the payment receipt. A payment made in KRW may count as a domestic transaction, where overseas chargebacks do not apply: ask your card company first.`,
    },
  });
}

export function kcaComplaintKo({ facts: f, reason, timeline, tzOffsetMinutes, attachments }: LetterInput): FilledTemplate {
  const dl = relevantDeadline(f, reason);
  const text = [
    '소비자24 / 1372 소비자상담 신청 내용 정리 (국제거래: 알리익스프레스)',
    '',
    '※ 국제거래 소비자포털(crossborder.kca.go.kr)은 알리익스프레스 관련 상담을 소비자24(consumer.go.kr) 또는 1372 소비자상담센터로 안내합니다. 온라인 상담 신청에는 본인 인증(휴대전화 등)이 필요합니다.',
    '※ [ ] 안은 직접 채우세요. AliProof는 개인 정보를 저장하지 않습니다.',
    '',
    '1. 신청인 정보',
    '- 성명: [성명]',
    '- 휴대전화: [휴대전화 번호]',
    '- 이메일: [이메일 주소]',
    '- 주소: [주소]',
    '',
    '2. 사업자 정보',
    '- 사업자(쇼핑몰): AliExpress (알리익스프레스)',
    `- 판매자(스토어): ${or(f.store, '스토어 이름')}`,
    ...(f.storeUrl ? [`- 판매자 페이지 주소: ${f.storeUrl}`] : []),
    '- 알리익스프레스 한국 고객센터: 1877-4816 (평일 09:00–18:00, 블로그 글 기준이며 알리익스프레스 페이지에서 확인되지 않음)',
    '',
    '3. 상품 정보',
    ...itemLinesKo(f),
    ...f.items.filter((i) => i.url).map((i) => `- 상품 페이지 주소: ${i.url}`),
    '',
    '4. 거래 정보',
    `- 주문번호: ${f.orderId}`,
    `- 주문일: ${or(dk(f.placedOn), '주문일')}`,
    `- 결제일: ${or(dk(f.paidOn), '결제일')}`,
    `- 결제 금액: ${or(f.total, '결제 금액')}`,
    `- 결제 수단: ${or(f.paymentMethod, '결제 수단')}`,
    `- 발송일: ${or(dk(f.shippedOn), '발송일 또는 "발송 안 됨"')}`,
    `- 배송 추적 번호: ${or(f.trackingNumber, '추적 번호')}${f.carrier ? ` (${f.carrier})` : ''}`,
    `- 배송 완료일: ${or(dk(f.deliveredOn), '배송 완료일 또는 "받지 못함"')}`,
    '',
    '5. 피해 내용',
    `- 유형: ${REASON_TITLE_KO[reason]}`,
    `- ${REASON_KO[reason]}`,
    '- 경위:',
    ...letterTimeline(timeline, tzOffsetMinutes).map((l) => `  - ${l}`),
    '- 판매자에게 연락한 날짜와 답변: [날짜, 답변]',
    `- 알리익스프레스 분쟁 진행 여부와 결과: [분쟁을 열었는지, 결과]${dl ? ` (분쟁을 열 수 있는 마지막 날: ${dk(dl.closesOn)}, AliProof 계산)` : ''}`,
    '- 카드사 이의제기(차지백) 신청 여부: [신청함 / 안 함, 날짜]',
    '',
    '6. 요구 사항',
    '- [전액 환불 / 부분 환불 / 교환 / 기타]',
    '',
    '7. 첨부할 자료',
    ...attachmentLines(f, attachments),
  ].join('\n');
  return finishTemplate('kca-1372-ko', 'ko', {
    audience: 'kca',
    reason,
    title: { en: '1372 / KCA consultation: the facts to enter (Korean)', ko: '1372·소비자24 상담 신청: 입력할 내용' },
    text,
    explanation: {
      ko: '소비자24(consumer.go.kr) 온라인 상담 또는 1372 전화 상담 때 필요한 내용을 항목별로 정리했습니다. 신청인 정보와 [ ] 부분은 직접 채우세요. 증거 보고서와 캡처 파일을 함께 첨부하세요.',
      en: 'The facts the 소비자24 (consumer.go.kr) online consultation or a 1372 call asks for, item by item. Fill in your own details and the [brackets]; attach the report and the capture files.',
    },
  });
}
