// Reminder thresholds, hour and badge band; and per-order reminders (mute, own thresholds).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { kindMsg, leftMsg, useI18n, type Msg } from '../../utils/i18n';
import { parseReminderDays } from '../../utils/reminders/settings';
import type { OrderReminderPrefs, ReminderPrefs } from '../../utils/reminders/types';
import type { EffectiveOrder } from '../../utils/store/effective';
import { daysLeft } from '../../utils/deadlines/engine';
import { isClosed } from '../../utils/reminders/plan';
import { parseWholeDays, reminderDaysError } from './format';
import type { SectionProps } from './GeneralSection';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourText = (h: number) => `${String(h).padStart(2, '0')}:00`;
const daysText = (days: number[]) => days.join(', ');

export function RemindersSection({ settings, save }: SectionProps) {
  const { t, tm } = useI18n();
  const ids = { h: useId(), days: useId(), daysHint: useId(), daysErr: useId(), hour: useId(), warn: useId(), warnHint: useId(), warnErr: useId() };
  const [days, setDays] = useState(daysText(settings.reminderDays));
  const [warn, setWarn] = useState(String(settings.warnDays));
  const [hour, setHour] = useState(settings.reminderHour);
  const [errors, setErrors] = useState<{ days?: Msg; warn?: Msg }>({});
  const [status, setStatus] = useState('');
  useEffect(() => setDays(daysText(settings.reminderDays)), [settings.reminderDays]);
  useEffect(() => setWarn(String(settings.warnDays)), [settings.warnDays]);
  useEffect(() => setHour(settings.reminderHour), [settings.reminderHour]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = parseReminderDays(days);
    const w = parseWholeDays(warn, 1, 60);
    const errs = { days: 'error' in d ? reminderDaysError(d.error) : undefined, warn: 'error' in w ? w.error : undefined };
    setErrors(errs);
    if (errs.days || errs.warn || 'error' in d || 'error' in w) {
      setStatus(t('settings.notSaved'));
      return;
    }
    await save({ reminderDays: d.days, warnDays: w.days, reminderHour: hour });
    setStatus(t('settings.saved'));
  };

  return (
    <section className="op-section" aria-labelledby={ids.h}>
      <h2 id={ids.h}>{t('settings.reminders')}</h2>
      <p>{t('settings.remindersIntro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="op-field">
          <label htmlFor={ids.days}>{t('settings.reminderDays')}</label>
          <input
            id={ids.days}
            type="text"
            inputMode="numeric"
            value={days}
            aria-invalid={errors.days ? true : undefined}
            aria-describedby={[ids.daysHint, errors.days ? ids.daysErr : ''].filter(Boolean).join(' ')}
            onChange={(e) => setDays(e.target.value)}
          />
          <p className="op-hint" id={ids.daysHint}>
            {t('settings.reminderDaysHint')}
          </p>
          {errors.days && (
            <p className="op-error" id={ids.daysErr}>
              {tm(errors.days)}
            </p>
          )}
        </div>
        <div className="op-field">
          <label htmlFor={ids.hour}>{t('settings.reminderHour')}</label>
          <select id={ids.hour} value={hour} onChange={(e) => setHour(Number(e.target.value))}>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hourText(h)}
              </option>
            ))}
          </select>
        </div>
        <div className="op-field">
          <label htmlFor={ids.warn}>{t('settings.warnDays')}</label>
          <input
            id={ids.warn}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            value={warn}
            aria-invalid={errors.warn ? true : undefined}
            aria-describedby={[ids.warnHint, errors.warn ? ids.warnErr : ''].filter(Boolean).join(' ')}
            onChange={(e) => setWarn(e.target.value)}
          />
          <p className="op-hint" id={ids.warnHint}>
            {t('settings.warnDaysHint', { n: settings.warnDays })}
          </p>
          {errors.warn && (
            <p className="op-error" id={ids.warnErr}>
              {tm(errors.warn)}
            </p>
          )}
        </div>
        <button type="submit">{t('settings.remindersSave')}</button>
        <p className="op-status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}

export interface OrderRemindersProps {
  orders: EffectiveOrder[];
  prefs: ReminderPrefs;
  defaultDays: number[];
  now: Date;
  savePrefs: (orderId: string, prefs: OrderReminderPrefs) => Promise<void>;
}

/** Open orders (and any with choices already made), each with a mute box and its own thresholds. */
export function OrderReminders({ orders, prefs, defaultDays, now, savePrefs }: OrderRemindersProps) {
  const { t } = useI18n();
  const h = useId();
  const shown = orders.filter((o) => (!isClosed(o) && o.order.next) || prefs[o.orderId]);
  return (
    <section className="op-section" aria-labelledby={h}>
      <h2 id={h}>{t('settings.perOrder')}</h2>
      <p>{t('settings.perOrderIntro')}</p>
      {shown.length === 0 ? (
        <p>{t('settings.perOrderEmpty')}</p>
      ) : (
        <ul className="op-orders">
          {shown.map((o) => (
            <OrderRow key={o.orderId} order={o} prefs={prefs[o.orderId]} defaultDays={defaultDays} now={now} savePrefs={savePrefs} />
          ))}
        </ul>
      )}
    </section>
  );
}

function OrderRow({ order, prefs, defaultDays, now, savePrefs }: { order: EffectiveOrder; prefs?: OrderReminderPrefs; defaultDays: number[]; now: Date; savePrefs: OrderRemindersProps['savePrefs'] }) {
  const { t, tm, date } = useI18n();
  const id = order.orderId;
  const ids = { err: useId(), next: useId(), mute: useId(), days: useId() };
  const [muted, setMuted] = useState(!!prefs?.muted);
  const [days, setDays] = useState(prefs?.days ? daysText(prefs.days) : '');
  const [error, setError] = useState<Msg>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    setMuted(!!prefs?.muted);
    setDays(prefs?.days ? daysText(prefs.days) : '');
  }, [prefs]);
  const next = order.order.next;
  const left = next ? daysLeft(next.closesOn, now) : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let own: number[] | undefined;
    if (days.trim()) {
      const parsed = parseReminderDays(days);
      if ('error' in parsed) {
        setError(reminderDaysError(parsed.error));
        setStatus('');
        return;
      }
      own = parsed.days;
    }
    setError(undefined);
    await savePrefs(id, { muted, days: own });
    setStatus(t('settings.orderSaved', { id }));
  };

  return (
    <li>
      <form className="op-order" onSubmit={submit} noValidate>
        <fieldset>
          <legend>
            {t('settings.perOrderOrder')} {id}
            {order.order.store?.name ? ` · ${order.order.store.name}` : ''}
          </legend>
          <p id={ids.next}>
            {t('settings.perOrderNext')}:{' '}
            {next && left !== undefined && left >= 0
              ? `${tm(kindMsg(String(next.kind)))}, ${date(next.closesOn)} (${tm(leftMsg(left))})`
              : t('settings.noDeadline')}
          </p>
          <div className="op-row">
            <input id={ids.mute} type="checkbox" checked={muted} onChange={(e) => setMuted(e.target.checked)} />
            <label htmlFor={ids.mute}>{t('settings.muteOrder', { id })}</label>
          </div>
          <div className="op-row">
            <label htmlFor={ids.days}>{t('settings.orderDays', { id })}</label>
            <input
              id={ids.days}
              type="text"
              inputMode="numeric"
              placeholder={t('settings.orderDaysPlaceholder', { days: daysText(defaultDays) })}
              value={days}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? ids.err : undefined}
              onChange={(e) => setDays(e.target.value)}
            />
            <button type="submit">{t('settings.orderSave', { id })}</button>
          </div>
          {error && (
            <p className="op-error" id={ids.err}>
              {tm(error)}
            </p>
          )}
          <p className="op-status" role="status">
            {status}
          </p>
        </fieldset>
      </form>
    </li>
  );
}
