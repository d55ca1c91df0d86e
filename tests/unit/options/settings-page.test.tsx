// The options page with the fake browser's storage: every control found by its role and label,
// changes validated and saved, Korean and English, and the data section driving a fake data API.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsPage } from '@/components/settings/SettingsPage';
import type { SettingsData } from '@/components/settings/api';
import { createAliProofStores, mirror, type AliProofStores } from '@/utils/store/stores';
import { DEFAULT_SETTINGS } from '@/utils/store/items';
import { reminderPrefsItem } from '@/utils/reminders/items';
import type { ReminderPrefs } from '@/utils/reminders/types';
import { applyReading, emptyCaseStore } from '@/utils/cases/case-store';
import { emptyOrder } from '@/utils/types';
import { setLanguageSetting } from '@/utils/i18n';

const NOW = new Date(2026, 7, 1, 10, 0);
const ORDER = '8200000000000001';

function fakeData(over: Partial<SettingsData> = {}): SettingsData & Record<string, ReturnType<typeof vi.fn>> {
  return {
    backupInfo: vi.fn(async () => ({ notBackedUp: 3, evidence: 5, lastBackupAt: '2026-07-01T03:00:00.000Z', need: { count: 3, oldest: '2026-07-20T00:00:00.000Z' } })),
    backup: vi.fn(async () => ({ fileName: 'aliproof-backup-2026-08-01-1000.zip', orders: 1, evidence: 5, bytes: 2_500_000, left: [] })),
    check: vi.fn(async () => ({ ok: true as const, createdAt: '2026-07-30T01:00:00.000Z', orders: 2, evidence: 4 })),
    restore: vi.fn(async () => ({ ok: true as const, createdAt: '2026-07-30T01:00:00.000Z', notIncluded: [], summary: { ordersAdded: 2, ordersMerged: 0, evidenceAdded: 3, evidenceBytes: 1_200_000, settingsRestored: false }, skipped: [{ code: 'sameEvidence' as const, what: 'ev-1' }] })),
    deleteAll: vi.fn(async () => undefined),
    usage: vi.fn(async () => ({ site: { usage: 5 * 1024 * 1024, quota: 1024 * 1024 * 1024 }, local: 12_345 })),
    ...over,
  } as never;
}

let stores: AliProofStores;
async function renderPage(data = fakeData()) {
  const prefs = mirror<ReminderPrefs>(reminderPrefsItem);
  stores = createAliProofStores();
  const utils = render(<SettingsPage data={data} stores={stores} prefs={prefs} now={NOW} />);
  await screen.findByRole('heading', { level: 2, name: 'General' });
  return { ...utils, data, prefs };
}
const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

beforeEach(async () => {
  fakeBrowser.reset();
  act(() => setLanguageSetting('en'));
  // one order in transit: R-NR-60 from Jun 11 -> Aug 10 (9 days left on Aug 1)
  const order = { ...emptyOrder(ORDER), status: 'awaiting-delivery' as const, shippedOn: '2026-06-11', store: { name: 'Sunny Gadgets Store' } };
  await fakeBrowser.storage.local.set({ cases: applyReading(emptyCaseStore(), { kind: 'order-detail', orders: [order], problems: [] }, { url: 'https://www.aliexpress.com/', at: '2026-07-01T00:00:00Z' }) });
});
afterEach(() => {
  stores?.stop();
  act(() => setLanguageSetting('auto'));
});

describe('general', () => {
  it('switches the language at once, and stores it', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ko');
    expect(await screen.findByRole('heading', { level: 1, name: 'AliProof 설정' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '알림' })).toBeTruthy();
    expect(await stored('settings')).toMatchObject({ language: 'ko' });
    expect(document.documentElement.lang).toBe('ko');
  });

  it('redaction by default is on, and can be turned off', async () => {
    const user = userEvent.setup();
    await renderPage();
    const box = screen.getByRole('checkbox', { name: /Hide personal details/ }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await user.click(box);
    expect(await stored('settings')).toMatchObject({ redactByDefault: false });
  });

  it('validates the stall threshold', async () => {
    const user = userEvent.setup();
    await renderPage();
    const field = screen.getByRole('spinbutton', { name: /stalled after this many days/ });
    await user.clear(field);
    await user.type(field, '0');
    await user.click(within(field.closest('form')!).getByRole('button', { name: 'Save' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter whole days from 1 to 365.')).toBeTruthy();
    expect(await stored('settings')).toBeUndefined();
    await user.clear(field);
    await user.type(field, '14{Enter}');
    expect(await stored('settings')).toMatchObject({ stallDays: 14 });
  });
});

describe('deadline rules', () => {
  it('shows each rule with its description and sources, saves a change, refuses a bad value, resets', async () => {
    const user = userEvent.setup();
    await renderPage();
    const rule = screen.getByRole('group', { name: 'R-AD-15' });
    expect(within(rule).getByText(/15 days after delivery or order completion/)).toBeTruthy();
    expect(within(rule).getByText('Sources for R-AD-15')).toBeTruthy();
    expect(within(rule).getByText(/seller_guaranteed\.php/)).toBeTruthy();

    const days = within(rule).getByRole('spinbutton', { name: 'Days for R-AD-15' });
    await user.clear(days);
    await user.type(days, 'x');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(within(rule).getByText('Enter whole days from 1 to 999.')).toBeTruthy();
    expect(await stored('settings')).toBeUndefined();

    await user.clear(days);
    await user.type(days, '7');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await stored('settings')).toMatchObject({ ruleOverrides: { 'R-AD-15': 7 } });

    await user.clear(days);
    await user.type(days, '20');
    expect(within(rule).getByText(/Longer than the default \(15 days\)/)).toBeTruthy();

    await user.click(within(rule).getByRole('button', { name: 'Reset R-AD-15 to 15 days' }));
    expect((days as HTMLInputElement).value).toBe('15');
    expect(await stored('settings')).toMatchObject({ ruleOverrides: {} });
  });
});

describe('reminders', () => {
  it('saves thresholds, hour and the badge band; refuses a bad list', async () => {
    const user = userEvent.setup();
    await renderPage();
    const days = screen.getByRole('textbox', { name: 'Remind me when this many days are left' });
    expect((days as HTMLInputElement).value).toBe('7, 3, 1, 0');
    await user.clear(days);
    await user.type(days, '7, soon');
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(screen.getByText('Use whole numbers separated by commas, e.g. 7, 3, 1, 0.')).toBeTruthy();
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(await stored('settings')).toBeUndefined();

    await user.clear(days);
    await user.type(days, '0, 2, 10');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time of day for reminders' }), '20:00');
    const band = screen.getByRole('spinbutton', { name: /Toolbar badge/ });
    await user.clear(band);
    await user.type(band, '10');
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await stored('settings')).toEqual({ ...DEFAULT_SETTINGS, reminderDays: [10, 2, 0], reminderHour: 20, warnDays: 10 });
    expect(screen.getByText(/deadline 10 days away or sooner/)).toBeTruthy();
  });

  it('mutes one order, or gives it its own days', async () => {
    const user = userEvent.setup();
    await renderPage();
    const row = screen.getByRole('group', { name: new RegExp(ORDER) });
    expect(within(row).getByText(/not received, Aug 10, 2026 \(9 days left\)/)).toBeTruthy();
    await user.click(within(row).getByRole('checkbox', { name: `Mute reminders for order ${ORDER}` }));
    await user.click(within(row).getByRole('button', { name: `Save order ${ORDER}` }));
    expect(await stored('reminderPrefs')).toEqual({ [ORDER]: { muted: true } });

    await user.click(within(row).getByRole('checkbox', { name: `Mute reminders for order ${ORDER}` }));
    await user.type(within(row).getByRole('textbox', { name: `Own reminder days for order ${ORDER}` }), '5,1');
    await user.click(within(row).getByRole('button', { name: `Save order ${ORDER}` }));
    expect(await stored('reminderPrefs')).toEqual({ [ORDER]: { days: [5, 1] } });
    expect(within(row).getByRole('status').textContent).toBe(`Saved for order ${ORDER}.`);
  });
});

describe('storage and data', () => {
  it('says how much room is used, in plain words', async () => {
    await renderPage();
    expect(await screen.findByText('Evidence and data: 5.0 MB used; the browser allows AliProof about 1019 MB more.')).toBeTruthy();
    expect(screen.getByText('Orders, settings and the evidence list: 12 KB.')).toBeTruthy();
  });

  it('tells when evidence needs a backup, and backs up with one click', async () => {
    const user = userEvent.setup();
    const { data } = await renderPage();
    expect(await screen.findByText(/Back up now: 3 captures have gone 7 days or more without a backup/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back up now (download a file)' }));
    expect(data.backup).toHaveBeenCalledOnce();
    expect(await screen.findByText('Backup saved as aliproof-backup-2026-08-01-1000.zip: 1 orders and 5 captures, 2.4 MB.')).toBeTruthy();
  });

  it('checks a chosen backup, then restores it on request and lists what it skipped', async () => {
    const user = userEvent.setup();
    const { data } = await renderPage();
    const input = screen.getByLabelText('Backup file (.zip)');
    await user.upload(input, new File([new Uint8Array([1, 2, 3])], 'backup.zip', { type: 'application/zip' }));
    expect(await screen.findByText(/is complete and undamaged: 2 orders, 4 captures/)).toBeTruthy();
    expect(data.restore).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(await screen.findByText('Restored: 2 orders added, 0 orders brought up to date, 3 captures added (1.1 MB).')).toBeTruthy();
    expect(screen.getByText('capture ev-1: already here')).toBeTruthy();
  });

  it('a damaged backup is refused with a clear message and no restore button', async () => {
    const user = userEvent.setup();
    const { data } = await renderPage(
      fakeData({ check: vi.fn(async () => ({ ok: false as const, error: { code: 'hashMismatch' as const, path: 'evidence/ev-1.png' } })) }),
    );
    await user.upload(screen.getByLabelText('Backup file (.zip)'), new File([new Uint8Array([1])], 'bad.zip'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'This backup was refused and nothing was changed: a file has been changed or damaged: its SHA-256 does not match (evidence/ev-1.png).',
    );
    expect(screen.queryByRole('button', { name: 'Restore this backup' })).toBeNull();
    expect(data.restore).not.toHaveBeenCalled();
  });

  it('deletes all data only after the confirmation word is typed', async () => {
    const user = userEvent.setup();
    const { data } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const word = screen.getByRole('textbox', { name: 'Type "DELETE" to confirm' });
    expect(document.activeElement).toBe(word);
    const confirm = screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(word, 'delete');
    expect(confirm.disabled).toBe(true);
    await user.clear(word);
    await user.type(word, 'DELETE{Enter}');
    expect(data.deleteAll).toHaveBeenCalledOnce();
    expect(await screen.findByText('All AliProof data in this browser was deleted.')).toBeTruthy();
  });

  it('Escape cancels the deletion', async () => {
    const user = userEvent.setup();
    const { data } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Delete all data…' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Type "DELETE" to confirm' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete all data…' }));
    expect(data.deleteAll).not.toHaveBeenCalled();
  });

  it('in Korean, the confirmation word is Korean', async () => {
    const user = userEvent.setup();
    await renderPage();
    act(() => setLanguageSetting('ko'));
    await user.click(screen.getByRole('button', { name: '모든 데이터 삭제…' }));
    expect(screen.getByRole('textbox', { name: '확인하려면 "삭제"라고 입력하세요' })).toBeTruthy();
  });
});
