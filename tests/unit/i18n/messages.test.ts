import { en, ko, messages } from '@/utils/i18n/messages';
import { formatDate, getLanguage, kindMsg, leftMsg, resolveLanguage, setLanguageSetting, t, tm } from '@/utils/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const enKeys = Object.keys(en).sort();
  const koKeys = Object.keys(ko).sort();

  it('have the same keys in Korean and English', () => {
    expect(koKeys.filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in ko))).toEqual([]);
  });

  it.each(['en', 'ko'] as const)('%s has no empty message', (lang) => {
    const empty = Object.entries(messages[lang]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differ = enKeys.filter((k) => placeholders(en[k as keyof typeof en]).join() !== placeholders(ko[k as keyof typeof ko]).join());
    expect(differ).toEqual([]);
  });

  it('has a base message for every _one plural form', () => {
    expect(enKeys.filter((k) => k.endsWith('_one') && !(k.slice(0, -4) in en))).toEqual([]);
  });
});

describe('t()', () => {
  afterEach(() => setLanguageSetting('auto'));

  it('fills in variables, nested messages and dates', () => {
    expect(t('left.days', { n: 12 }, 'en')).toBe('12 days left');
    expect(t('left.days', { n: 12 }, 'ko')).toBe('12일 남음');
    expect(t('detail.opensFrom', { kind: kindMsg('not-received'), date: { date: '2026-08-03' } }, 'en')).toBe(
      'You may open a "not received" dispute from Aug 3, 2026.',
    );
    expect(t('detail.opensFrom', { kind: kindMsg('not-received'), date: { date: '2026-08-03' } }, 'ko')).toBe(
      '2026년 8월 3일부터 상품 미수령 분쟁을 열 수 있습니다.',
    );
  });

  it('uses the _one form for n = 1', () => {
    expect(t('left.days', { n: 1 }, 'en')).toBe('1 day left');
    expect(tm(leftMsg(-1), 'en')).toBe('passed 1 day ago');
    expect(tm(leftMsg(0), 'en')).toBe('today is the last safe day');
  });

  it('names unknown deadline kinds instead of failing', () => {
    expect(tm(kindMsg('customs-claim'), 'en')).toBe('other (customs-claim)');
  });

  it('follows the setting, else the browser language', () => {
    expect(resolveLanguage('auto', 'ko-KR')).toBe('ko');
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage('auto', undefined)).toBe('en');
    expect(resolveLanguage('en', 'ko-KR')).toBe('en');
    expect(resolveLanguage('ko', 'en-US')).toBe('ko');
  });

  it('switches at runtime', () => {
    setLanguageSetting('ko');
    expect(getLanguage()).toBe('ko');
    expect(t('badge.closed')).toBe('마감');
    setLanguageSetting('en');
    expect(t('badge.closed')).toBe('closed');
  });

  it('formats calendar dates per language', () => {
    expect(formatDate('2026-09-04', 'en')).toBe('Sep 4, 2026');
    expect(formatDate('2026-09-04', 'ko')).toBe('2026년 9월 4일');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});
