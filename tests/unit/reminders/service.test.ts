// Reminders with WXT's fake browser (alarms, notifications, action, tabs and storage are in-memory
// fakes there): one notification per threshold D-7, D-3, D-1, D-0 at the local reminder hour, none
// twice (also after a restart), none for closed orders or passed clocks, the toolbar badge count,
// clicks opening the order, and days left judged by the user's own local date (TZ switched in-test).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyReading, emptyCaseStore, type CaseStore } from '@/utils/cases/case-store';
import { emptyOrder, type OrderFacts } from '@/utils/types';
import { DEFAULT_SETTINGS } from '@/utils/store/items';
import {
  BACKUP_NOTIFICATION,
  CHECK_ALARM,
  MIDNIGHT_ALARM,
  ORDER_NOTIFICATION,
  onAlarm,
  onNotificationClicked,
  refreshBadge,
  resetReminders,
  runCheck,
  startReminders,
} from '@/utils/reminders/service';
import { registerReminders } from '@/entrypoints/background/reminders';

const ID = '8200000000000001';
/** R-NR-60 from a shipment on Jun 11, 2026: the last safe day is Aug 10, 2026 (the only clock: no payment date). */
const SHIPPED = (id = ID, f: Partial<OrderFacts> = {}): OrderFacts => ({
  ...emptyOrder(id),
  status: 'awaiting-delivery',
  shippedOn: '2026-06-11',
  store: { name: 'Sunny Gadgets Store' },
  items: [{ title: 'USB-C cable' }],
  ...f,
});
const CLOSES = { y: 2026, m: 7, d: 10 }; // Aug 10 (month 0-based)

function store(...orders: OrderFacts[]): CaseStore {
  return applyReading(emptyCaseStore(), { kind: 'order-detail', orders, problems: [] }, { url: 'https://www.aliexpress.com/p/order/detail.html', at: '2026-06-20T00:00:00.000Z' });
}
async function seed(orders: OrderFacts[], extra: Record<string, unknown> = {}) {
  await fakeBrowser.storage.local.set({ cases: store(...orders), ...extra });
}
/** `n` days before Aug 10 at hh:mm local time. */
const daysBefore = (n: number, hh = 9, mm = 0) => new Date(CLOSES.y, CLOSES.m, CLOSES.d - n, hh, mm);
const shown = async () => (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string; iconUrl: string }>;

let created: { id: string; title: string; message: string }[];
beforeEach(() => {
  fakeBrowser.reset();
  created = [];
  const real = fakeBrowser.notifications.create;
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, opts: { title: string; message: string }) => {
    created.push({ id, title: opts.title, message: opts.message });
    return (real as (i: string, o: unknown) => Promise<string>)(id, opts);
  }) as never);
});
afterEach(() => vi.restoreAllMocks());

describe('reminder thresholds', () => {
  it('notifies once at D-7, D-3, D-1 and D-0, at the reminder hour, and never in between or after', async () => {
    await seed([SHIPPED()]);
    const byDay: Record<number, string[]> = {};
    for (let n = 9; n >= -2; n--) {
      const before = created.length;
      await runCheck(daysBefore(n));
      byDay[n] = created.slice(before).map((c) => c.title);
    }
    expect(Object.entries(byDay).filter(([, t]) => t.length).map(([n]) => Number(n)).sort((a, b) => b - a)).toEqual([7, 3, 1, 0]);
    expect(byDay[7]).toEqual([`D-7: order ${ID}`]);
    expect(byDay[3]).toEqual([`D-3: order ${ID}`]);
    // dispute-rules.md §7: one day left is already "act today"
    expect(byDay[1]).toEqual([`Act today: order ${ID}`]);
    expect(byDay[0]).toEqual([`Act today: order ${ID}`]);
    const d0 = created.find((c) => c.title.startsWith('Act today') && c.message.includes('today is the last safe day'))!;
    expect(d0.message).toContain('not received: last safe day Aug 10, 2026');
    expect(d0.message).toContain('Pacific time');
    expect(d0.message).toContain('USB-C cable');
    expect(created.every((c) => c.id === ORDER_NOTIFICATION + ID)).toBe(true);
  });

  it('a browser closed over several thresholds sends one reminder (the nearest), not one per threshold', async () => {
    await seed([SHIPPED()]);
    await runCheck(daysBefore(2));
    expect(created.map((c) => c.title)).toEqual([`D-2: order ${ID}`]);
    await runCheck(daysBefore(2, 18)); // later the same day
    await runCheck(daysBefore(1)); // the next threshold still comes
    expect(created.map((c) => c.title)).toEqual([`D-2: order ${ID}`, `Act today: order ${ID}`]);
  });

  it('follows the thresholds in the settings, and an order\'s own thresholds', async () => {
    await seed([SHIPPED(), SHIPPED('8200000000000002')], {
      settings: { ...DEFAULT_SETTINGS, reminderDays: [5] },
      settings$: { v: 2 },
      reminderPrefs: { '8200000000000002': { days: [10] } },
    });
    for (let n = 12; n >= 0; n--) await runCheck(daysBefore(n));
    expect(created.map((c) => `${c.id.slice(-1)} ${c.title.split(':')[0]}`)).toEqual(['2 D-10', '1 D-5']);
  });

  it('never notifies a muted order', async () => {
    await seed([SHIPPED()], { reminderPrefs: { [ID]: { muted: true } } });
    for (let n = 8; n >= 0; n--) await runCheck(daysBefore(n));
    expect(created).toEqual([]);
  });

  it('never notifies a closed order, even one whose page showed a date', async () => {
    const closed = SHIPPED(ID, { status: 'closed', pageNotes: [{ text: 'Refund if no delivery before Aug 10, 2026', date: '2026-08-10' }] });
    await seed([closed]);
    for (let n = 8; n >= -1; n--) await runCheck(daysBefore(n));
    expect(created).toEqual([]);
  });

  it('never notifies a completed order whose clocks have passed', async () => {
    const done = SHIPPED(ID, { status: 'completed', deliveredOn: '2026-07-01', completedOn: '2026-07-02' }); // R-AD-15: Jul 16
    await seed([done]);
    for (let n = 8; n >= 0; n--) await runCheck(daysBefore(n));
    expect(created).toEqual([]);
  });

  it('writes in Korean when the settings say so', async () => {
    await seed([SHIPPED()], { settings: { ...DEFAULT_SETTINGS, language: 'ko' }, settings$: { v: 2 } });
    await runCheck(daysBefore(3));
    expect(created[0].title).toBe(`D-3: 주문 ${ID}`);
    expect(created[0].message).toContain('2026년 8월 10일');
    await runCheck(daysBefore(0));
    expect(created[1].title).toBe(`오늘 조치하세요: 주문 ${ID}`);
  });
});

describe('restarts', () => {
  it('remembers what was sent: a restart (start-up check, then the alarm) does not notify again', async () => {
    await seed([SHIPPED()]);
    await runCheck(daysBefore(3));
    expect(created).toHaveLength(1);
    // the background restarts later that day (new service worker): start-up, then the alarm fires too
    await startReminders(daysBefore(3, 15));
    await onAlarm(CHECK_ALARM, daysBefore(3, 15, 1));
    expect(created).toHaveLength(1);
    const log = (await fakeBrowser.storage.local.get('reminderLog')).reminderLog as { sent: Record<string, string> };
    expect(Object.keys(log.sent)).toContain(`${ID}|not-received|2026-08-10|3`);
  });

  it('at start-up before the reminder hour it waits for the alarm; after it, it catches up once', async () => {
    await seed([SHIPPED()]);
    await startReminders(daysBefore(3, 7, 30));
    expect(created).toEqual([]);
    const alarm = await fakeBrowser.alarms.get(CHECK_ALARM);
    expect(alarm!.scheduledTime).toBe(daysBefore(3, 9).getTime());
    await startReminders(daysBefore(3, 11));
    expect(created).toHaveLength(1);
    await startReminders(daysBefore(3, 12)); // today's check already ran
    expect(created).toHaveLength(1);
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))!.scheduledTime).toBe(daysBefore(2, 9).getTime());
    expect((await fakeBrowser.alarms.get(MIDNIGHT_ALARM))!.scheduledTime).toBe(new Date(2026, 7, 8, 0, 0, 5).getTime());
  });

  it('a failed notification is not remembered, so the next check tries again', async () => {
    await seed([SHIPPED()]);
    vi.mocked(fakeBrowser.notifications.create).mockRejectedValueOnce(new Error('notifications are off'));
    await runCheck(daysBefore(3));
    expect(created).toEqual([]);
    await runCheck(daysBefore(3, 10));
    expect(created).toHaveLength(1);
  });
});

describe('time zones: days left by the user\'s local date', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });
  // 2026-08-08 15:30 UTC is already Aug 9, 00:30 in Seoul (D-1) but still Aug 8, 08:30 in Los Angeles (D-2)
  const instant = new Date(Date.UTC(2026, 7, 8, 15, 30));

  it('Seoul, just after midnight: D-1 ("act today")', async () => {
    process.env.TZ = 'Asia/Seoul';
    expect(instant.getDate()).toBe(9);
    await seed([SHIPPED()]);
    const r = await runCheck(instant);
    expect(r.notified).toEqual([ID]);
    expect(created[0].title).toBe(`Act today: order ${ID}`);
    expect(created[0].message).toContain('1 day left');
    // the next check is 09:00 in Seoul = 00:00 UTC
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))!.scheduledTime).toBe(Date.UTC(2026, 7, 9, 0, 0));
  });

  it('Los Angeles, the same instant: still D-2, so the D-3 reminder and not D-1', async () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(instant.getDate()).toBe(8);
    await seed([SHIPPED()]);
    await runCheck(instant);
    expect(created.map((c) => c.title)).toEqual([`D-2: order ${ID}`]);
    // the next check is 09:00 in Los Angeles (PDT, UTC-7) the same day = 16:00 UTC
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))!.scheduledTime).toBe(Date.UTC(2026, 7, 8, 16, 0));
    await onAlarm(CHECK_ALARM, new Date(Date.UTC(2026, 7, 9, 16, 0))); // Aug 9, 09:00 PDT: D-1
    expect(created.map((c) => c.title)).toEqual([`D-2: order ${ID}`, `Act today: order ${ID}`]);
  });

  it('the reminder hour stays 09:00 local across a daylight-saving change', async () => {
    process.env.TZ = 'America/Los_Angeles';
    await seed([]);
    // Nov 1, 2026: clocks go back at 02:00; the check after Oct 31 10:00 PDT is Nov 1 09:00 PST = 17:00 UTC
    await runCheck(new Date(2026, 9, 31, 10, 0));
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))!.scheduledTime).toBe(Date.UTC(2026, 10, 1, 17, 0));
  });
});

describe('toolbar badge', () => {
  it('counts open, unmuted orders whose next deadline is within the warning band (14 days by default)', async () => {
    await seed(
      [
        SHIPPED('8200000000000001'), // Aug 10
        SHIPPED('8200000000000002', { shippedOn: '2026-06-30' }), // Aug 29
        SHIPPED('8200000000000003', { status: 'closed', pageNotes: [{ text: 'Refund if no delivery before Aug 10, 2026', date: '2026-08-10' }] }),
        SHIPPED('8200000000000004'),
        SHIPPED('8200000000000005', { shippedOn: '2026-06-24' }), // Aug 23: exactly 14 days from Aug 9
      ],
      { reminderPrefs: { '8200000000000004': { muted: true } } },
    );
    expect(await refreshBadge(new Date(2026, 7, 9, 12))).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe('AliProof: 2 orders need action (a deadline within 14 days)');
    // after the last safe day the order no longer counts
    expect(await refreshBadge(new Date(2026, 7, 11, 12))).toBe(1);
    expect(await refreshBadge(new Date(2026, 7, 24, 12))).toBe(1); // only Aug 29 is left, 5 days away
    expect(await refreshBadge(new Date(2026, 7, 30, 12))).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('follows the warning band in the settings', async () => {
    await seed([SHIPPED()], { settings: { ...DEFAULT_SETTINGS, warnDays: 3 }, settings$: { v: 2 } });
    expect(await refreshBadge(daysBefore(4))).toBe(0);
    expect(await refreshBadge(daysBefore(3))).toBe(1);
  });
});

describe('clicks, backup reminder, reset, wiring', () => {
  it('clicking a reminder opens the order in the case page', async () => {
    await onNotificationClicked(ORDER_NOTIFICATION + ID);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.at(-1)!.url).toBe(`chrome-extension://test-extension-id/case.html#order=${ID}`);
  });

  it('reminds to back up evidence that has gone 7 days without a backup, at most once a week', async () => {
    const entry = (id: string, capturedAt: string) => ({ id, kind: 'chat', capturedAt, bytes: 10, sha256: 'a'.repeat(64) });
    await seed([], { evidenceIndex: { [ID]: [entry('e1', '2026-08-01T01:00:00.000Z'), entry('e2', '2026-08-07T01:00:00.000Z')] } });
    await runCheck(new Date(2026, 7, 7, 9)); // 6 days: not yet
    expect(created).toEqual([]);
    await runCheck(new Date(2026, 7, 9, 9));
    expect(created.map((c) => c.id)).toEqual([BACKUP_NOTIFICATION]);
    expect(created[0].message).toMatch(/^2 captures are not in any backup/);
    await runCheck(new Date(2026, 7, 10, 9));
    expect(created).toHaveLength(1);
    await onNotificationClicked(BACKUP_NOTIFICATION);
    expect((await fakeBrowser.tabs.query({})).at(-1)!.url).toBe('chrome-extension://test-extension-id/options.html#data');
    // a backup that holds both: no more reminders
    await fakeBrowser.storage.local.set({ backupState: { lastBackupAt: '2026-08-10T00:00:00.000Z', backedUpIds: ['e1', 'e2'] } });
    await runCheck(new Date(2026, 7, 20, 9));
    expect(created).toHaveLength(1);
  });

  it('reset forgets alarms, shown reminders, the badge and what was sent', async () => {
    await seed([SHIPPED()]);
    await runCheck(daysBefore(3));
    expect(Object.keys(await shown())).toEqual([ORDER_NOTIFICATION + ID]);
    await fakeBrowser.storage.local.clear(); // "delete all data" clears storage first
    await resetReminders(daysBefore(3, 10));
    expect(await shown()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.storage.local.get('reminderLog')).toEqual({});
    expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeTruthy(); // and the daily check goes on
  });

  it('the background wiring: an alarm notifies, a click opens the order, a reset message is answered', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: daysBefore(7, 8) });
    try {
      await seed([SHIPPED()]);
      registerReminders();
      await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHECK_ALARM)).toBeTruthy());
      expect(created).toEqual([]); // 08:00: before the reminder hour
      vi.setSystemTime(daysBefore(7, 9));
      await fakeBrowser.alarms.onAlarm.trigger({ name: CHECK_ALARM, scheduledTime: Date.now() });
      await vi.waitFor(() => expect(created.map((c) => c.title)).toEqual([`D-7: order ${ID}`]));
      await fakeBrowser.notifications.onClicked.trigger(ORDER_NOTIFICATION + ID);
      await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).at(-1)!.url).toContain(`#order=${ID}`));
      const reply = await new Promise((resolve) => {
        // the fake's trigger is typed (message, sender); the real event passes sendResponse third
        void (fakeBrowser.runtime.onMessage.trigger as (...a: unknown[]) => Promise<unknown>)({ type: 'reminders-reset' }, {}, resolve);
      });
      expect(reply).toEqual({ ok: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
