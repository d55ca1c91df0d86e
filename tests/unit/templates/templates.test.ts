import {
  aliexpressMessage,
  cardLetterKo,
  kcaComplaintKo,
  messageTemplates,
  placeholdersIn,
  replyByDate,
  sellerMessage,
  templateFacts,
  templateReasonFor,
  TEMPLATE_REASONS,
} from '@/utils/templates';
import { buildTimeline } from '@/utils/case/timeline';
import { effectiveOrder } from '@/utils/store/effective';
import { facts, record } from '../store/factories';
import { caseRecord, entryOf, NOW, ORDER_ID, storedEvidence } from '../bundle/fixtures';

const record0 = caseRecord();
const entry = entryOf(record0);
const evidence = storedEvidence().map((s) => s.meta);
const f = templateFacts(entry, evidence, NOW);
const timeline = buildTimeline({ entry, record: record0, evidence, now: NOW, tzOffsetMinutes: -540 });

describe('English messages, per situation', () => {
  it.each(TEMPLATE_REASONS)('%s: one to the seller and one to AliExpress, filled from the case', (reason) => {
    const [seller, ali] = messageTemplates(reason, f);
    expect(seller).toMatchObject({ audience: 'seller', reason, lang: 'en', id: `seller-${reason}` });
    expect(ali).toMatchObject({ audience: 'aliexpress', reason, lang: 'en', id: `aliexpress-${reason}` });
    for (const tpl of [seller, ali]) {
      expect(tpl.text).toContain(ORDER_ID);
      expect(tpl.text).toContain('Sunny Gadgets Store');
      expect(tpl.text).toContain('USB-C cable 2m');
      expect(tpl.text).not.toMatch(/undefined|NaN|\[object/);
      expect(/[가-힣]/.test(tpl.text)).toBe(false); // the message itself is English
      expect(tpl.explanation.ko).toMatch(/[가-힣]/); // the Korean user gets Korean help beside it
      expect(tpl.explanation.en.length).toBeGreaterThan(40);
      expect(tpl.placeholders).toEqual(placeholdersIn(tpl.text));
    }
    expect(ali.text).toContain('US $12.50');
  });

  it('not received: dates, tracking, how long it has not moved, the deadline, and no promise to confirm receipt', () => {
    const s = sellerMessage('not-received', f).text;
    expect(s).toContain('shipped on Jul 18, 2026');
    expect(s).toContain('Tracking number LP00012345678 (Cainiao)');
    expect(s).toContain('The last tracking update was on Jul 21, 2026, 11 days ago: "Departed from sorting center"');
    expect(s).toContain('before Sep 16, 2026'); // R-NR-60: shipped Jul 18 + 60
    expect(s).toContain('Please reply by Aug 4, 2026');
    expect(s).toContain('I will not confirm receipt before the parcel arrives');
    const a = aliexpressMessage('not-received', f).text;
    expect(a).toContain('Problem: item not received.');
    expect(a).toContain('the tracking page (captured Jul 22, 2026 and Jul 30, 2026)');
    expect(a).toContain('with a transcript of 2 messages');
  });

  it('not as described asks for every difference; damaged asks to describe the damage', () => {
    expect(sellerMessage('not-as-described', f).placeholders.join()).toMatch(/difference 1/);
    expect(aliexpressMessage('not-as-described', f).text).toMatch(/ruler, plus the size label/);
    expect(sellerMessage('damaged', f).placeholders.join()).toMatch(/Describe the damage/);
    expect(aliexpressMessage('damaged', f).text).toMatch(/reported the damage to the carrier/);
    expect(sellerMessage('seller-unresponsive', f).text).toMatch(/have had no answer/);
    expect(aliexpressMessage('seller-unresponsive', f).text).toMatch(/The chat is attached/);
  });

  it('writes [placeholders] for what AliProof does not know', () => {
    const bare = templateFacts(effectiveOrder(record(facts('1234567890')), undefined, { now: NOW }), [], NOW);
    const s = sellerMessage('not-received', bare);
    expect(s.text).toContain('Hello [store name],');
    expect(s.text).toContain('([item])');
    expect(s.text).toContain('placed on [order date]');
    expect(s.text).toContain('The tracking shows no update.');
    expect(aliexpressMessage('not-received', bare).text).toContain('Amount paid: [amount paid]');
  });

  it('asks for an answer within three days, but before the deadline', () => {
    expect(replyByDate(f, 'not-received')).toBe('2026-08-04');
    const near = { ...f, deadlines: { 'not-received': { closesOn: '2026-08-02', daysLeft: 1, estimated: false } } };
    expect(replyByDate(near, 'not-received')).toBe('2026-08-01');
  });

  it('maps the checklist reasons to situations', () => {
    expect(templateReasonFor('not-as-described')).toBe('not-as-described');
    expect(templateReasonFor('damaged')).toBe('damaged');
    expect(templateReasonFor('lost-high-value')).toBe('not-received');
    expect(templateReasonFor('seller-asks-wait')).toBe('not-received');
    expect(templateReasonFor(undefined)).toBe('not-received');
  });
});

describe('the Korean card-company letter', () => {
  const letter = cardLetterKo({ facts: f, reason: 'not-received', timeline, tzOffsetMinutes: -540, attachments: ['증거 보고서: report.html'] });

  it('states the 120-day rule with this order\'s dates', () => {
    expect(letter).toMatchObject({ audience: 'card-company', lang: 'ko', id: 'card-letter-ko' });
    expect(letter.text).toContain('카드 결제일(2026년 7월 15일)로부터 120일 이내에 서면으로 신청');
    expect(letter.text).toContain('120일째 되는 날은 2026년 11월 12일');
    expect(letter.explanation.ko).toContain('120일');
  });

  it('has the transaction, the reason, the timeline and what is attached', () => {
    expect(letter.text).toContain(`주문번호: ${ORDER_ID}`);
    expect(letter.text).toContain('결제 금액: US $12.50');
    expect(letter.text).toContain('이의제기 사유: 상품 미수령');
    expect(letter.text).toMatch(/4\. 경위 \(시간순\)\n- 2026년 7월 15일 — 주문/);
    expect(letter.text).toContain('2026년 7월 18일 — 발송');
    expect(letter.text).toContain('이전 캡처 이후 새 기록 없음');
    expect(letter.text).toContain('- 거래영수증(결제 완료 내역): [직접 첨부]');
    expect(letter.text).toContain('- 증거 보고서: report.html');
    expect(letter.text).toContain('결제 취소(차지백)를 요청합니다');
  });

  it('leaves the cardholder\'s own details as placeholders', () => {
    for (const p of ['[성명]', '[0000]', '[휴대전화 번호]', '[카드사 이름]']) expect(letter.placeholders).toContain(p);
  });

  it('warns when the 120 days have passed', () => {
    const late = { ...f, deadlines: { ...f.deadlines, 'card-chargeback': { closesOn: '2026-07-01', daysLeft: -31, estimated: false } } };
    expect(cardLetterKo({ facts: late, reason: 'damaged', timeline }).text).toContain('120일이 31일 지났습니다');
  });
});

describe('the 1372 / 소비자24 facts', () => {
  it('lists own, business, item, transaction and damage details, own details as placeholders', () => {
    const k = kcaComplaintKo({ facts: f, reason: 'not-as-described', timeline });
    expect(k.audience).toBe('kca');
    for (const h of ['1. 신청인 정보', '2. 사업자 정보', '3. 상품 정보', '4. 거래 정보', '5. 피해 내용', '6. 요구 사항', '7. 첨부할 자료']) expect(k.text).toContain(h);
    for (const p of ['[성명]', '[휴대전화 번호]', '[이메일 주소]', '[주소]']) expect(k.placeholders).toContain(p);
    expect(k.text).toContain('판매자(스토어): Sunny Gadgets Store');
    expect(k.text).toContain('배송 추적 번호: LP00012345678 (Cainiao)');
    expect(k.text).toContain('유형: 상품 설명과 다름');
  });
});
