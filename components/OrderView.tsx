// The sidebar's order view: status, next step, tracking alerts, every clock, the facts and where each
// came from, "Fix the facts", the evidence checklist, guard rails and help. Logic lives in utils/advice.
import { useId, type ReactNode } from 'react';
import type { OrderStatus } from '../utils/types';
import { kindMsg, leftMsg, useI18n, type MessageKey } from '../utils/i18n';
import { daysLeft } from '../utils/deadlines/engine';
import { nextStep } from '../utils/advice/next-step';
import { looksDelivered, trackingPrompts } from '../utils/advice/tracking';
import { suggestReason, type DisputeReason } from '../utils/advice/checklists';
import { guardRails } from '../utils/advice/guard-rails';
import { clockOrigin } from '../utils/advice/clocks';
import { DATE_FACTS, EDITABLE_FACTS, type EditableFact, type EffectiveOrder } from '../utils/store/effective';
import type { ChecklistEntry, UserFactKey } from '../utils/store/items';
import { Badge, originMsgKey } from './Badge';
import { FixFactForm } from './FixFactForm';
import { EvidenceChecklist } from './EvidenceChecklist';
import { Help } from './Help';

export interface OrderViewProps {
  entry: EffectiveOrder;
  now: Date;
  stallDays: number;
  capturedKinds: readonly string[];
  checklist?: ChecklistEntry;
  onSaveFact?: (key: UserFactKey, value: string) => void | Promise<void>;
  onClearFact?: (key: UserFactKey) => void;
  onSetReason?: (reason: DisputeReason) => void;
  onTick?: (itemId: string, ticked: boolean) => void;
  /** captures and the gallery for this order (the page's sidebar and the case page supply their own) */
  evidence?: ReactNode;
}

function Section({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`ap-section ${className ?? ''}`}>
      <h3 id={id} className="ap-section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function OrderView({ entry, now, stallDays, capturedKinds, checklist, onSaveFact, onClearFact, onSetReason, onTick, evidence }: OrderViewProps) {
  const { t, tm, date, lang } = useI18n();
  const base = useId();
  const { order, sources } = entry;
  const advice = { stallDays, notReceived: entry.notReceived };
  const step = nextStep(order, order.deadlines, now, advice);
  const prompts = trackingPrompts(order, now, advice);
  const problemOpen = entry.notReceived || prompts.length > 0 || !!checklist?.reason;
  const rails = guardRails(problemOpen);
  const clocks = [...order.deadlines].sort((a, b) => a.closesOn.localeCompare(b.closesOn));

  const factText = (k: EditableFact): string | undefined => {
    const v = k === 'status' ? (order.status === 'unknown' ? undefined : order.status) : order[k];
    if (!v) return undefined;
    if ((DATE_FACTS as readonly string[]).includes(k)) return date(v);
    if (k === 'status') return t(`status.${v as OrderStatus}`);
    return v;
  };
  const values = Object.fromEntries(
    EDITABLE_FACTS.map((k) => [k, k === 'status' ? (order.status === 'unknown' ? undefined : order.status) : order[k]]),
  ) as Partial<Record<EditableFact, string>>;

  return (
    <div className="ap-order" data-order-id={entry.orderId}>
      <div className="ap-order-head">
        <p className="ap-order-meta">
          {order.store?.name && <span>{t('sidebar.store', { name: order.store.name })}</span>}
          <span>{t('sidebar.status', { status: t(`status.${order.status}`) })}</span>
        </p>
        <Badge orderId={entry.orderId} order={order} sources={sources} now={now} />
      </div>

      <Section id={`${base}-next`} title={t('section.nextStep')} className={`ap-next ap-next--${step.urgency}`}>
        <p className="ap-next-message" data-step={step.id}>
          {tm(step.message)}
        </p>
        {step.details.length > 0 && (
          <ul className="ap-next-details">
            {step.details.map((d, i) => (
              <li key={i}>{tm(d)}</li>
            ))}
          </ul>
        )}
      </Section>

      {evidence && (
        <Section id={`${base}-captures`} title={t('section.captures')}>
          {evidence}
        </Section>
      )}

      {prompts.length > 0 && (
        <Section id={`${base}-tracking`} title={t('section.tracking')}>
          <ul className="ap-prompts">
            {prompts.map((p) => (
              <li key={p.id} className="ap-prompt" data-prompt={p.id}>
                <strong>{tm(p.message)}</strong> {tm(p.action)}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id={`${base}-clocks`} title={t('section.clocks')}>
        {clocks.length === 0 ? (
          <p>{t('clocks.none')}</p>
        ) : (
          <table className="ap-clocks">
            <thead>
              <tr>
                <th scope="col">{t('clocks.kind')}</th>
                <th scope="col">{t('clocks.opens')}</th>
                <th scope="col">{t('clocks.closes')}</th>
                <th scope="col">{t('clocks.left')}</th>
                <th scope="col">{t('clocks.source')}</th>
              </tr>
            </thead>
            <tbody>
              {clocks.map((c) => {
                const origin = clockOrigin(c, order, sources);
                const left = daysLeft(c.closesOn, now);
                return (
                  <tr key={`${c.kind}-${c.basis}`} data-kind={c.kind} data-origin={origin} className={left < 0 ? 'ap-passed' : undefined}>
                    <th scope="row">{tm(kindMsg(c.kind))}</th>
                    <td>{c.opensOn ? date(c.opensOn) : t('clocks.notKnown')}</td>
                    <td>
                      <time dateTime={c.closesOn}>{date(c.closesOn)}</time>
                    </td>
                    <td>{tm(leftMsg(left))}</td>
                    <td title={c.source === 'page' ? c.basis : undefined}>{t(originMsgKey(origin), { rule: c.basis })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>

      <Section id={`${base}-facts`} title={t('section.facts')}>
        <dl className="ap-facts">
          {EDITABLE_FACTS.map((k) => {
            const text = factText(k);
            const source = text ? sources[k] : undefined;
            return (
              <div key={k} className="ap-fact" data-fact={k} data-source={source ?? 'missing'}>
                <dt>{t(`fact.${k}` as MessageKey)}</dt>
                <dd>
                  {text ?? t('facts.missing')}
                  {source && <span className={`ap-tag ap-tag--${source}`}>{t(`facts.source.${source}`)}</span>}
                  {source === 'user' && onClearFact && (
                    <button type="button" className="ap-link" onClick={() => onClearFact(k)}>
                      {t('facts.revert', { fact: t(`fact.${k}` as MessageKey) })}
                    </button>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
        <label className="ap-toggle">
          <input
            type="checkbox"
            checked={entry.notReceived}
            onChange={(e) => onSaveFact?.('notReceived', e.target.checked ? 'true' : 'false')}
          />
          {t('facts.notReceivedToggle')}
        </label>
      </Section>

      {onSaveFact && (
        <Section id={`${base}-fix`} title={t('section.fix')}>
          <FixFactForm values={values} sources={sources} now={now} onSave={(k, v) => onSaveFact(k, v)} />
        </Section>
      )}

      <Section id={`${base}-evidence`} title={t('section.evidence')}>
        <EvidenceChecklist
          reason={checklist?.reason}
          suggested={suggestReason(looksDelivered(order), entry.notReceived)}
          capturedKinds={capturedKinds}
          ticks={checklist?.ticks ?? {}}
          onReason={onSetReason}
          onTick={onTick}
        />
      </Section>

      <Section id={`${base}-guard`} title={t('section.guard')}>
        <ul className="ap-guards">
          {rails.map((g) => (
            <li key={g.id} data-guard={g.id}>
              {t(g.key)}
            </li>
          ))}
        </ul>
      </Section>

      {entry.problems.length > 0 && (
        <Section id={`${base}-problems`} title={t('section.problems')}>
          {lang !== 'en' && <p className="ap-hint">{t('problems.englishOnly')}</p>}
          <ul className="ap-problems" lang="en">
            {entry.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Section>
      )}

      <Section id={`${base}-help`} title={t('section.help')}>
        <Help />
      </Section>
    </div>
  );
}
