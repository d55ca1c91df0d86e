// The deadline badge, drawn with plain DOM: "D-12 · not received", coloured by urgency, with a tooltip
// (on hover and keyboard focus) listing every clock and where its date comes from. Plain DOM because
// it runs on every order page, where React would cost more than the badges themselves; the React
// <Badge> in the sidebar draws through this same function.
// Root attributes data-aliproof/data-order-id/data-closes-on/data-days-left are the e2e contract.
import type { OrderFacts } from '../utils/types';
import { getLanguage, kindMsg, leftMsg, t, tm, type Lang } from '../utils/i18n/page';
import { badgeInfo, clockOrigin, type FactSource } from '../utils/advice/clocks';
import { daysLeft } from '../utils/deadlines/engine';

export interface BadgeInput {
  orderId: string;
  /** the order's facts with `deadlines` computed */
  order: Pick<OrderFacts, 'deadlines'> & Partial<OrderFacts>;
  /** where each fact came from, so clocks counted from the user's dates say so */
  sources?: Partial<Record<string, FactSource>>;
  now: Date;
  /** clicking the badge opens this order in the sidebar */
  onOpen?: (orderId: string) => void;
  lang?: Lang;
}

interface Parts {
  root: HTMLElement;
  button: HTMLButtonElement;
  count: HTMLSpanElement;
  kind: HTMLSpanElement;
  /** made when first shown: most badges are never hovered or focused */
  tip?: HTMLSpanElement;
  input: BadgeInput;
  /** the tooltip's list no longer matches `input` */
  tipStale: boolean;
  /** what the badge last showed, to skip redraws that would change nothing */
  shown?: string;
  /** what the tooltip was last built from */
  tipFrom?: string;
}

const PARTS = new WeakMap<HTMLElement, Parts>();
let tipIds = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}

function showTip(parts: Parts, open: boolean) {
  if (!open) {
    if (parts.tip) parts.tip.hidden = true;
    return;
  }
  if (!parts.tip) {
    const tip = el('span', 'ap-tooltip');
    tip.setAttribute('role', 'tooltip');
    tip.id = `ap-tip-${++tipIds}`;
    parts.button.setAttribute('aria-describedby', tip.id);
    parts.root.append(tip);
    parts.tip = tip;
  }
  if (parts.tipStale) fillTooltip(parts, parts.tip);
  parts.tip.hidden = false;
}

/** Build the badge's elements inside `root` once, with its listeners. */
function build(root: HTMLElement): Parts {
  const button = el('button', 'ap-badge-button');
  button.type = 'button';
  const count = el('span', 'ap-badge-count');
  const kind = el('span', 'ap-badge-kind');
  button.append(count, kind);
  root.replaceChildren(button);
  const parts: Parts = { root, button, count, kind, input: undefined as unknown as BadgeInput, tipStale: true };
  root.addEventListener('mouseenter', () => showTip(parts, true));
  root.addEventListener('mouseleave', () => showTip(parts, false));
  button.addEventListener('focus', () => showTip(parts, true));
  button.addEventListener('blur', () => showTip(parts, false));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && parts.tip && !parts.tip.hidden) {
      e.stopPropagation(); // close the tooltip first, not the sidebar
      parts.tip.hidden = true;
    }
  });
  button.addEventListener('click', () => parts.input.onOpen?.(parts.input.orderId));
  return parts;
}

/** Draw (or redraw in place, keeping focus) the badge for `input` into `root`. */
export function renderBadge(root: HTMLElement, input: BadgeInput): void {
  const parts = PARTS.get(root) ?? build(root);
  PARTS.set(root, parts);
  parts.input = input;
  const { orderId, order, now } = input;
  const lang = input.lang ?? getLanguage();
  // the tooltip is rebuilt when next shown; an open one now, if anything it lists changed (most
  // badges never had a tooltip: nothing to compare)
  if (parts.tip && !parts.tip.hidden) {
    const tipFrom = tooltipInputs(parts);
    if (tipFrom !== parts.tipFrom) fillTooltip(parts, parts.tip);
  } else parts.tipStale = true;
  const info = badgeInfo(order.deadlines, now);
  const d = info.deadline;
  const left = info.daysLeft;

  let count: string;
  let label: string;
  if (!d || left === undefined) {
    count = t('badge.none', undefined, lang);
    label = t('badge.ariaNone', { id: orderId }, lang);
  } else if (left < 0) {
    count = t('badge.closed', undefined, lang);
    label = t('badge.ariaClosed', { id: orderId, kind: kindMsg(d.kind), date: { date: d.closesOn } }, lang);
  } else {
    count = left === 0 ? t('badge.dday', undefined, lang) : t('badge.dminus', { n: left }, lang);
    label = t('badge.aria', { id: orderId, left: leftMsg(left), date: { date: d.closesOn } }, lang);
  }
  const kind = d && left !== undefined && left >= 0 ? tm(kindMsg(d.kind), lang) : '';
  // what the user can see or hear of the badge itself: nothing changed, nothing to touch (each
  // change costs the page a style and layout pass)
  const shown = `${orderId}|${count}|${kind}|${label}|${info.urgency}|${d?.closesOn}|${left}`;
  if (shown === parts.shown) return;
  parts.shown = shown;

  root.className = `ap-badge ap-badge--${info.urgency}`;
  root.dataset.aliproof = 'badge';
  root.dataset.orderId = orderId;
  root.dataset.urgency = info.urgency;
  if (d && left !== undefined) {
    root.dataset.closesOn = d.closesOn;
    root.dataset.daysLeft = String(left);
  } else {
    delete root.dataset.closesOn;
    delete root.dataset.daysLeft;
  }
  parts.count.textContent = count;
  parts.kind.textContent = kind;
  parts.kind.hidden = !kind;
  // the accessible name starts with the visible text (WCAG 2.5.3 "label in name")
  parts.button.setAttribute('aria-label', `${[count, kind].filter(Boolean).join(' ')}: ${label}`);
}

/** What the tooltip lists, as a string to compare. */
function tooltipInputs({ input }: Parts): string {
  return JSON.stringify([input.orderId, input.lang ?? getLanguage(), input.order.deadlines, input.sources, input.now.toDateString()]);
}

/** The tooltip: every clock with its dates and where its date comes from. */
function fillTooltip(parts: Parts, tip: HTMLSpanElement): void {
  parts.tipStale = false;
  parts.tipFrom = tooltipInputs(parts);
  const { orderId, order, sources, now } = parts.input;
  const lang = parts.input.lang ?? getLanguage();
  const info = badgeInfo(order.deadlines, now);
  const d = info.deadline;
  const left = info.daysLeft;
  const title = el('span', 'ap-tooltip-title');
  title.textContent = t('tooltip.title', { id: orderId }, lang);
  const body: HTMLElement[] = [title];
  const clocks = [...order.deadlines].sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  if (!clocks.length) {
    const empty = el('span', 'ap-tooltip-empty');
    empty.textContent = t('tooltip.none', undefined, lang);
    body.push(empty);
  } else {
    const list = el('ul', 'ap-tooltip-list');
    for (const c of clocks) {
      const origin = clockOrigin(c, order as OrderFacts, sources);
      const li = el('li', 'ap-tooltip-clock');
      li.dataset.kind = c.kind;
      li.dataset.origin = origin;
      li.textContent =
        t('clock.row', { kind: kindMsg(c.kind), date: { date: c.closesOn }, left: leftMsg(daysLeft(c.closesOn, now)) }, lang) +
        (c.opensOn ? ` · ${t('clock.opens', { date: { date: c.opensOn } }, lang)}` : '') +
        ` — ${t(`origin.${origin}`, { rule: c.basis }, lang)}`;
      list.append(li);
    }
    body.push(list);
  }
  if (d && left !== undefined && left >= 0) {
    const note = el('span', 'ap-tooltip-note');
    note.textContent = t('tooltip.pacific', undefined, lang);
    body.push(note);
  }
  tip.replaceChildren(...body);
}
