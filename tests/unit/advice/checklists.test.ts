import { CHECKLISTS, DISPUTE_REASONS, EVIDENCE_KINDS, checklistState, suggestReason } from '@/utils/advice/checklists';
import { guardRails } from '@/utils/advice/guard-rails';
import { CONTACTS, HELP_STEPS } from '@/utils/advice/help';
import { en, ko } from '@/utils/i18n/messages';
import { t } from '@/utils/i18n';

describe('evidence checklists (data)', () => {
  it('has items for every reason, with unique ids, known evidence kinds and translated texts', () => {
    const all = DISPUTE_REASONS.flatMap((r) => CHECKLISTS[r]);
    expect(DISPUTE_REASONS.every((r) => CHECKLISTS[r].length >= 3)).toBe(true);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const item of all) {
      expect(item.key in en && item.key in ko).toBe(true);
      for (const k of item.autoKinds) expect(EVIDENCE_KINDS).toContain(k);
    }
  });

  it('asks for what AliExpress help asks for', () => {
    const keys = (r: (typeof DISPUTE_REASONS)[number]) => CHECKLISTS[r].map((i) => t(i.key, undefined, 'en')).join(' | ');
    expect(keys('not-as-described')).toMatch(/ruler.*size label/);
    expect(keys('not-as-described')).toMatch(/Unboxing video/);
    expect(keys('not-received')).toMatch(/Tracking timeline/);
    expect(keys('damaged')).toMatch(/carrier or post office/);
    expect(keys('seller-asks-wait')).toMatch(/asks you to close, cancel or wait/);
  });
});

describe('checklistState', () => {
  it('ticks items from captured evidence kinds', () => {
    const s = checklistState('not-received', ['chat', 'tracking']);
    expect(s.items.filter((i) => i.done).map((i) => i.id)).toEqual(['nr-tracking', 'nr-chat']);
    expect(s.items.find((i) => i.id === 'nr-chat')!.auto).toBe(true);
    expect([s.done, s.total]).toEqual([2, 4]);
  });

  it('lets the user tick and untick by hand; the user wins over a capture', () => {
    const s = checklistState('not-received', ['chat'], { 'nr-receipt': true, 'nr-chat': false });
    const done = Object.fromEntries(s.items.map((i) => [i.id, i.done]));
    expect(done).toEqual({ 'nr-order-detail': false, 'nr-tracking': false, 'nr-chat': false, 'nr-receipt': true });
  });

  it('ignores kinds it does not know', () => {
    expect(checklistState('damaged', ['screenshot-of-cat']).done).toBe(0);
  });

  it('suggests not-received until delivered (or when the user says it did not arrive)', () => {
    expect(suggestReason(false, false)).toBe('not-received');
    expect(suggestReason(true, false)).toBe('not-as-described');
    expect(suggestReason(true, true)).toBe('not-received');
  });
});

describe('guard rails', () => {
  it('warns about "Confirm received" only while a problem is open; one dispute and proposals always', () => {
    expect(guardRails(false).map((g) => g.id)).toEqual(['one-dispute', 'proposal-ends']);
    expect(guardRails(true).map((g) => g.id)).toEqual(['confirm-received', 'one-dispute', 'proposal-ends', 'seller-wait']);
    expect(t('guard.confirmReceived', undefined, 'en')).toMatch(/Confirm received/);
  });
});

describe('help from the seeds', () => {
  it('has the five steps and the three contact channels, marked unverified', () => {
    expect(HELP_STEPS.steps).toHaveLength(5);
    expect(HELP_STEPS.verified).toBe(false);
    expect(CONTACTS.verified).toBe(false);
    expect(CONTACTS.channels.map((c) => c.id)).toEqual(['phone', 'chat', 'email']);
    expect(t('help.phone', undefined, 'ko')).toMatch(/1877-4816.*평일 09:00–18:00/);
    expect(t('help.email', undefined, 'en')).toMatch(/24–48 hours/);
    expect(t('help.chat', undefined, 'en')).toMatch(/24 hours/);
  });
});
