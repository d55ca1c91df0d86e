// report.html: the whole case on one self-contained page, in Korean and English, that prints cleanly to
// PDF. No script at all (the Content-Security-Policy forbids it), no external resource (thumbnails are
// data: URLs), and every value goes through escapeHtml: page text is written by sellers.
// The language switch is three radio buttons and CSS, so it works with scripts off.
import { formatDate, kindMsg, leftMsg, t, tm, type Lang, type MessageKey, type Msg, type Vars } from '../i18n';
import type { CaseRecord } from '../cases/case-store';
import type { EffectiveOrder } from '../store/effective';
import { DATE_FACTS } from '../store/effective';
import type { EvidenceMeta, TrackingHistoryEntry } from '../evidence/types';
import { localTimeText, utcOffsetText, utcTimeText } from '../evidence/header';
import { daysLeft } from '../deadlines/engine';
import { RULES, type RuleId } from '../deadlines/rules';
import { clockOrigin } from '../advice/clocks';
import { whenText, type TimelineEntry } from '../case/timeline';
import { escapeHtml as esc, safeImageDataUrl, safeRelativeHref } from './escape';
import { BUNDLE_FORMAT_VERSION, PATHS } from './format';

export interface ReportEvidence {
  meta: EvidenceMeta;
  /** the file's path in the bundle */
  path: string;
  /** SHA-256 of the exported bytes */
  sha256: string;
  /** the exported bytes still have the SHA-256 recorded at capture */
  hashMatches: boolean;
  /** copies: the original's path */
  derivedFromPath?: string;
}

export interface ReportTranscript {
  path: string;
  text: string;
  meta: EvidenceMeta;
  sha256: string;
}

export interface ReportInput {
  entry: EffectiveOrder;
  record?: CaseRecord;
  timeline: readonly TimelineEntry[];
  evidence: readonly ReportEvidence[];
  transcripts: readonly ReportTranscript[];
  trackingHistory: readonly { entry: TrackingHistoryEntry; path: string }[];
  /** the buyer's note, when they chose to include it */
  note?: string;
  now: Date;
  /** as Date#getTimezoneOffset at export */
  tzOffsetMinutes: number;
  timeZone?: string;
  aliproofVersion: string;
  jpegMaxBytes: number;
  /** which venue folders the bundle has */
  packs: { aliexpress: boolean; card: boolean; kca: boolean };
  problems: readonly string[];
}

const LANGS: readonly Lang[] = ['ko', 'en'];

/** A message in both languages, each in its own lang-tagged element (the CSS switch hides one). */
function bi(key: MessageKey, vars?: Vars, tag: 'span' | 'p' | 'div' = 'span'): string {
  return LANGS.map((l) => `<${tag} lang="${l}">${esc(t(key, vars, l))}</${tag}>`).join(tag === 'span' ? '<span class="sep" aria-hidden="true"> · </span>' : '');
}

function biMsg(msg: Msg): string {
  return LANGS.map((l) => `<span lang="${l}">${esc(tm(msg, l))}</span>`).join('<span class="sep" aria-hidden="true"> · </span>');
}

/** A calendar day in both languages. */
function biDate(ymd: string): string {
  return LANGS.map((l) => `<span lang="${l}">${esc(formatDate(ymd, l))}</span>`).join('<span class="sep" aria-hidden="true"> · </span>');
}

/** An instant as local time (with offset and zone) and UTC. */
function instantText(iso: string, tzOffsetMinutes: number, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return esc(iso);
  const zone = timeZone ? `, ${timeZone}` : '';
  return `${esc(localTimeText(at, tzOffsetMinutes))} <span class="muted">(${esc(utcOffsetText(tzOffsetMinutes) + zone)})</span><br>${esc(utcTimeText(at))}`;
}

function fileLink(path: string, label = path): string {
  const href = safeRelativeHref(path);
  return href ? `<a href="${esc(href)}">${esc(label)}</a>` : esc(label);
}

const bytesText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : n >= 1024 ? `${Math.round(n / 1024)} kB` : `${n} B`);

function section(id: string, titleKey: MessageKey, body: string): string {
  return `<section id="${esc(id)}" aria-labelledby="${esc(id)}-h"><h2 id="${esc(id)}-h">${bi(titleKey)}</h2>${body}</section>`;
}

const KIND_KEYS: Record<EvidenceMeta['kind'], MessageKey> = {
  chat: 'gallery.kind.chat',
  tracking: 'gallery.kind.tracking',
  'order-detail': 'gallery.kind.order-detail',
  'product-page': 'gallery.kind.product-page',
  transcript: 'gallery.kind.transcript',
};

function summary(input: ReportInput): string {
  const o = input.entry.order;
  const next = o.next;
  const rows: [MessageKey, string][] = [
    ['report.store', o.store?.name ? esc(o.store.name) : bi('report.none')],
    ['report.items', o.items.length ? `<ul>${o.items.map((i) => `<li>${esc(i.title)}${i.quantity ? ` × ${esc(i.quantity)}` : ''}${i.sku ? ` <span class="muted">(${esc(i.sku)})</span>` : ''}</li>`).join('')}</ul>` : bi('report.none')],
    ['report.total', o.total ? esc(o.total.text) : bi('report.none')],
    ['report.status', `${bi(`status.${o.status}` as MessageKey)}${o.statusText ? ` <span class="muted">(“${esc(o.statusText)}”)</span>` : ''}`],
    ['report.next', next ? `${biMsg(kindMsg(next.kind))}: <strong>${biDate(next.closesOn)}</strong> (${biMsg(leftMsg(daysLeft(next.closesOn, input.now)))})` : bi('report.none')],
  ];
  return section('summary', 'report.summary', `<dl class="summary">${rows.map(([k, v]) => `<div><dt>${bi(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>`);
}

function facts(input: ReportInput): string {
  const { entry, record } = input;
  const o = entry.order;
  const seen = record?.seen ?? {};
  type Row = { label: string; value?: string; source?: 'page' | 'user'; seenKey?: string };
  const rows: Row[] = [
    ...DATE_FACTS.map((k): Row => ({ label: bi(`fact.${k}` as MessageKey), value: o[k] ? biDate(o[k]!) : undefined, source: entry.sources[k], seenKey: k })),
    { label: bi('fact.status'), value: o.status !== 'unknown' ? bi(`status.${o.status}` as MessageKey) : undefined, source: entry.sources.status, seenKey: 'status' },
    { label: bi('fact.paymentMethod'), value: o.paymentMethod ? esc(o.paymentMethod) : undefined, source: entry.sources.paymentMethod, seenKey: 'paymentMethod' },
    { label: bi('report.store'), value: o.store?.name ? `${esc(o.store.name)}${o.store.url ? `<br><span class="url">${esc(o.store.url)}</span>` : ''}` : undefined, source: 'page', seenKey: 'store' },
    { label: bi('report.total'), value: o.total ? esc(o.total.text) : undefined, source: 'page', seenKey: 'total' },
    { label: bi('timeline.seen.trackingNumber'), value: o.tracking?.number ? esc(o.tracking.number) : undefined, source: 'page', seenKey: 'trackingNumber' },
    { label: bi('timeline.seen.carrier'), value: o.tracking?.carrier ? esc(o.tracking.carrier) : undefined, source: 'page', seenKey: 'carrier' },
    { label: bi('timeline.seen.eta'), value: o.tracking?.eta ? biDate(o.tracking.eta) : undefined, source: 'page', seenKey: 'eta' },
  ];
  const body = rows
    .filter((r) => r.value)
    .map((r) => {
      const first = r.source !== 'user' && r.seenKey && seen[r.seenKey] ? instantText(seen[r.seenKey].firstSeen, input.tzOffsetMinutes, input.timeZone) : '';
      const page = r.source === 'user' && r.seenKey && entry.pageValues[r.seenKey as keyof typeof entry.pageValues] ? ` <span class="muted">(page: ${esc(entry.pageValues[r.seenKey as keyof typeof entry.pageValues])})</span>` : '';
      return `<tr><th scope="row">${r.label}</th><td>${r.value}${page}</td><td>${r.source ? bi(`report.source.${r.source}`) : ''}</td><td>${first}</td></tr>`;
    })
    .join('');
  const notes = o.pageNotes.length ? `<ul class="page-notes">${o.pageNotes.map((n) => `<li>“${esc(n.text)}”${n.date ? ` <span class="muted">${esc(n.date)}</span>` : ''}</li>`).join('')}</ul>` : '';
  const sources = record?.sources.length
    ? `<h3>${bi('report.pages')}</h3><ul class="sources">${record.sources.map((s) => `<li><span class="muted">${esc(s.kind)}</span> ${instantText(s.at, input.tzOffsetMinutes, input.timeZone)}<br><span class="url">${esc(s.url)}</span></li>`).join('')}</ul>`
    : '';
  return section(
    'facts',
    'report.facts',
    `<table><colgroup><col class="c-label"><col><col class="c-source"><col class="c-time"></colgroup><thead><tr><th scope="col">${bi('report.fact')}</th><th scope="col">${bi('report.value')}</th><th scope="col">${bi('report.source')}</th><th scope="col">${bi('report.firstSeen')}</th></tr></thead><tbody>${body}</tbody></table>${notes}${sources}`,
  );
}

function clocks(input: ReportInput): string {
  const o = input.entry.order;
  const rows = [...o.deadlines]
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn))
    .map((d) => {
      const origin = clockOrigin(d, o, input.entry.sources);
      const rule = RULES[d.basis as RuleId];
      const basis = d.source === 'page' ? `“${esc(d.basis)}”` : rule ? `${esc(rule.id)}: <span lang="ko">${esc(rule.ko)}</span><span class="sep" aria-hidden="true"> · </span><span lang="en">${esc(rule.en)}</span>` : esc(d.basis);
      return `<tr data-kind="${esc(d.kind)}"><th scope="row">${biMsg(kindMsg(d.kind))}</th><td>${d.opensOn ? biDate(d.opensOn) : ''}</td><td><strong>${biDate(d.closesOn)}</strong></td><td>${biMsg(leftMsg(daysLeft(d.closesOn, input.now)))}</td><td>${bi(`origin.${origin}` as MessageKey, { rule: d.basis })}${d.estimated ? ` <strong class="warn">${bi('report.estimated')}</strong>` : ''}</td><td>${basis}</td></tr>`;
    })
    .join('');
  const table = rows
    ? `<table><colgroup><col class="c-label"><col class="c-date"><col class="c-date"><col class="c-date"><col><col></colgroup><thead><tr><th scope="col">${bi('report.clockKind')}</th><th scope="col">${bi('report.opens')}</th><th scope="col">${bi('report.closes')}</th><th scope="col">${bi('report.left')}</th><th scope="col">${bi('report.source')}</th><th scope="col">${bi('report.basis')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : bi('clocks.none', undefined, 'p');
  const problems = input.entry.problems.length ? `<ul class="problems" lang="en">${input.entry.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
  return section('clocks', 'report.clocks', `${table}${bi('report.clocksNote', undefined, 'p')}${problems}`);
}

function timeline(input: ReportInput): string {
  if (!input.timeline.length) return section('timeline', 'report.timeline', bi('timeline.empty', undefined, 'p'));
  const rows = input.timeline
    .map((e) => {
      const when = 'date' in e.when ? biDate(e.when.date) : 'instant' in e.when ? instantText(e.when.instant, input.tzOffsetMinutes, input.timeZone) : esc(whenText(e.when, 'en'));
      const source = e.source ? ` <span class="muted">(${bi(`timeline.source.${e.source}`)})</span>` : '';
      const detail = e.detail ? `<div class="detail">${esc(e.detail)}</div>` : '';
      return `<tr data-kind="${esc(e.kind)}"${e.future ? ' class="future"' : ''}><td>${when}</td><td>${biMsg(e.message)}${source}${detail}</td></tr>`;
    })
    .join('');
  return section('timeline', 'report.timeline', `<table><colgroup><col class="c-time"><col></colgroup><thead><tr><th scope="col">${bi('report.when')}</th><th scope="col">${bi('report.event')}</th></tr></thead><tbody>${rows}</tbody></table>`);
}

function tracking(input: ReportInput): string {
  const events = input.entry.order.tracking?.events ?? [];
  const now = events.length
    ? `<table><colgroup><col class="c-time"><col><col class="c-source"></colgroup><thead><tr><th scope="col">${bi('report.when')}</th><th scope="col">${bi('report.event')}</th><th scope="col">${bi('report.place')}</th></tr></thead><tbody>${events
        .map((e) => `<tr><td>${esc(e.at.replace('T', ' '))}</td><td>${e.title ? `<strong>${esc(e.title)}</strong><br>` : ''}${esc(e.text)}</td><td>${esc(e.location ?? '')}</td></tr>`)
        .join('')}</tbody></table>`
    : bi('report.trackingNone', undefined, 'p');
  const snaps = input.trackingHistory.length
    ? `<h3>${bi('report.trackingSnapshots')}</h3><table><colgroup><col class="c-time"><col><col class="c-file"></colgroup><thead><tr><th scope="col">${bi('report.captured')}</th><th scope="col">${bi('report.event')}</th><th scope="col">${bi('report.file')}</th></tr></thead><tbody>${input.trackingHistory
        .map(({ entry, path }) => {
          const latest = entry.snapshot.tracking.events[0];
          const status = entry.snapshot.statusText ? `<div class="muted">${esc(entry.snapshot.statusText)}</div>` : '';
          return `<tr><td>${instantText(entry.capturedAt, input.tzOffsetMinutes, input.timeZone)}</td><td>${latest ? `${esc(latest.at.replace('T', ' '))}: ${esc(latest.text)}` : ''} <span class="muted">(${esc(entry.snapshot.tracking.events.length)})</span>${status}</td><td>${fileLink(path)}</td></tr>`;
        })
        .join('')}</tbody></table>`
    : '';
  return section('tracking', 'report.tracking', `<h3>${bi('report.trackingNow')}</h3>${now}${snaps}`);
}

function transcripts(input: ReportInput): string {
  if (!input.transcripts.length) return section('transcripts', 'report.transcripts', bi('report.transcriptsNone', undefined, 'p'));
  const body = input.transcripts
    .map((tr) => `<article class="transcript"><h3>${fileLink(tr.path)}</h3><p class="hash">SHA-256 ${esc(tr.sha256)}</p><pre>${esc(tr.text)}</pre></article>`)
    .join('');
  return section('transcripts', 'report.transcripts', body);
}

function evidence(input: ReportInput): string {
  if (!input.evidence.length) return section('evidence', 'report.evidence', bi('report.evidenceNone', undefined, 'p'));
  const cards = input.evidence
    .map((ev) => {
      const m = ev.meta;
      const thumb = safeImageDataUrl(m.thumb);
      const part = m.part && m.part.count > 1 ? ` ${bi('gallery.part', { i: m.part.index, n: m.part.count })}` : '';
      const copy = m.derivedFrom ? ` ${bi('gallery.redacted')}` : '';
      const rows: [MessageKey, string][] = [
        ['report.captured', instantText(m.capturedAt, input.tzOffsetMinutes, input.timeZone)],
        ['report.page', `<span class="url">${esc(m.url)}</span>`],
        ['report.pageTitle', esc(m.title)],
        ['report.method', `${esc(m.method)} <span class="muted">(AliProof ${esc(m.extensionVersion)})</span>`],
        ['report.file', `${fileLink(ev.path)} <span class="muted">(${esc(bytesText(m.bytes))}${m.width && m.height ? `, ${esc(m.width)}×${esc(m.height)} px` : ''})</span>`],
        ['gallery.hash', ''],
      ];
      if (ev.derivedFromPath) rows.push(['report.derivedFrom', `${fileLink(ev.derivedFromPath)}${m.derivation ? `<br><span class="muted">${esc(m.derivation)}</span>` : ''}`]);
      if (m.note) rows.push(['report.note', `<span class="pre">${esc(m.note)}</span>`]);
      if (m.problems?.length) rows.push(['report.problems', `<ul lang="en">${m.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`]);
      const dl = rows
        .map(([k, v]) =>
          k === 'gallery.hash'
            ? `<div><dt>SHA-256</dt><dd class="hash">${esc(ev.sha256)}</dd></div>`
            : `<div><dt>${bi(k)}</dt><dd>${v}</dd></div>`,
        )
        .join('');
      const warn = ev.hashMatches ? '' : `<p class="warn">${bi('report.hashMismatch')} (${esc(m.sha256)})</p>`;
      return `<article class="evidence${m.derivedFrom ? ' copy' : ''}" data-evidence-id="${esc(m.id)}"><div class="thumb">${thumb ? `<img src="${esc(thumb)}" alt="">` : `<span class="muted">${bi('report.noPreview')}</span>`}</div><div class="info"><h3>${bi(KIND_KEYS[m.kind] ?? 'report.kind')}${part}${copy}</h3>${warn}<dl>${dl}</dl></div></article>`;
    })
    .join('');
  return section('evidence', 'report.evidence', cards);
}

function packs(input: ReportInput): string {
  const items: string[] = [];
  if (input.packs.aliexpress) items.push(`<li>${bi('report.pack.aliexpress', { mb: (input.jpegMaxBytes / 1024 / 1024).toFixed(1) })}</li>`);
  if (input.packs.card) items.push(`<li>${bi('report.pack.card')}</li>`);
  if (input.packs.kca) items.push(`<li>${bi('report.pack.kca')}</li>`);
  return items.length ? section('packs', 'report.packs', `<ul class="packs">${items.join('')}</ul>`) : '';
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, 'Segoe UI', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', Roboto, sans-serif; color: #1f1f1f; margin: 0; background: #ffffff; }
main { max-width: 1000px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1f2937; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 14px; margin: 14px 0 6px; break-after: avoid; page-break-after: avoid; }
p { margin: 6px 0; }
.muted { color: #4b5563; }
.url, .hash { font-family: ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: 11.5px; overflow-wrap: anywhere; word-break: break-all; }
.warn { color: #991b1b; font-weight: 700; }
.pre, .detail { white-space: pre-wrap; overflow-wrap: anywhere; }
.detail { color: #374151; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 6px 0 10px; }
th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid #d1d5db; overflow-wrap: anywhere; }
thead th { background: #f3f4f6; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
col.c-label { width: 20%; } col.c-source { width: 16%; } col.c-time { width: 24%; } col.c-date { width: 13%; } col.c-file { width: 28%; }
tr.future td { color: #1e3a8a; }
dl { margin: 0; }
dl > div { display: grid; grid-template-columns: 10em 1fr; gap: 2px 12px; padding: 2px 0; }
dt { font-weight: 600; color: #374151; }
dd { margin: 0; overflow-wrap: anywhere; }
dd ul { margin: 0; padding-left: 18px; }
.summary { border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 12px; }
.evidence { display: grid; grid-template-columns: 180px 1fr; gap: 12px; border: 1px solid #d1d5db; border-radius: 8px; padding: 10px; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
.evidence.copy { border-style: dashed; }
.evidence .thumb img { display: block; max-width: 180px; max-height: 320px; border: 1px solid #e5e7eb; }
.evidence h3 { margin-top: 0; }
.transcript pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.45 ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace; background: #f9fafb; border: 1px solid #e5e7eb; padding: 8px; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid #9ca3af; padding-left: 10px; }
.langs { max-width: 1000px; margin: 0 auto; padding: 10px 24px 0; display: flex; gap: 14px; flex-wrap: wrap; }
.langs label { cursor: pointer; padding: 3px 10px; border: 1px solid #9ca3af; border-radius: 999px; }
.lang-radio { position: absolute; opacity: 0; pointer-events: none; }
#lang-both:checked ~ .langs label[for='lang-both'], #lang-ko:checked ~ .langs label[for='lang-ko'], #lang-en:checked ~ .langs label[for='lang-en'] { background: #1f2937; color: #ffffff; border-color: #1f2937; }
#lang-both:focus-visible ~ .langs label[for='lang-both'], #lang-ko:focus-visible ~ .langs label[for='lang-ko'], #lang-en:focus-visible ~ .langs label[for='lang-en'] { outline: 3px solid #2563eb; outline-offset: 2px; }
#lang-ko:checked ~ main [lang='en'], #lang-en:checked ~ main [lang='ko'] { display: none; }
#lang-ko:checked ~ main .sep, #lang-en:checked ~ main .sep { display: none; }
p[lang] + p[lang] { margin-top: 2px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  .langs { display: none; }
  main { max-width: none; padding: 0; }
  body { font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  section { break-before: auto; }
  #evidence, #transcripts { break-before: page; page-break-before: always; }
}
`;

export function reportHtml(input: ReportInput): string {
  const o = input.entry.order;
  const title = `AliProof — ${t('report.title', undefined, 'ko')} · ${t('report.title', undefined, 'en')} — ${input.entry.orderId}`;
  const note = input.note?.trim() ? section('note', 'report.yourNote', `<div class="note">${esc(input.note)}</div>`) : '';
  const problems = input.problems.length ? section('problems', 'report.bundleProblems', `<ul lang="en">${input.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`) : '';
  return `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="AliProof ${esc(input.aliproofVersion)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<input class="lang-radio" type="radio" name="aplang" id="lang-both" checked>
<input class="lang-radio" type="radio" name="aplang" id="lang-ko">
<input class="lang-radio" type="radio" name="aplang" id="lang-en">
<nav class="langs" aria-label="Language · 언어"><label for="lang-both">${esc(t('report.langBoth', undefined, 'ko'))}</label><label for="lang-ko">${esc(t('report.langKo', undefined, 'ko'))}</label><label for="lang-en">${esc(t('report.langEn', undefined, 'en'))}</label></nav>
<main>
<header>
<h1>${bi('report.title')} — ${bi('report.order', { id: input.entry.orderId })}</h1>
${bi('report.made', { local: localTimeText(input.now, input.tzOffsetMinutes), offset: utcOffsetText(input.tzOffsetMinutes) + (input.timeZone ? `, ${input.timeZone}` : ''), utc: utcTimeText(input.now) }, 'p')}
${bi('report.version', { version: input.aliproofVersion, format: BUNDLE_FORMAT_VERSION }, 'p')}
${o.store?.name ? `<p><strong>${esc(o.store.name)}</strong></p>` : ''}
</header>
${summary(input)}
${clocks(input)}
${facts(input)}
${timeline(input)}
${tracking(input)}
${note}
${packs(input)}
${section('verify', 'report.verify', `${bi('report.verifyText', undefined, 'p')}<p class="url">${esc(PATHS.verify)} · ${esc(PATHS.sums)} · ${esc(PATHS.manifest)}</p>`)}
${problems}
${evidence(input)}
${transcripts(input)}
</main>
</body>
</html>
`;
}
