// Date formats AliExpress shows, per locale. AliExpress hands over localised date text only (no ISO
// fields in the order APIs), so every reader goes through these functions. A text that is not
// clearly a date gives undefined: never a guessed date.

/** Month tokens (lower case, accents kept and stripped) -> month number; built on first use. */
let MONTHS: Record<string, number> | undefined;
function stripAccents(s: string) {
  // plain ASCII has nothing to strip (and Unicode normalisation is slow to start)
  return /^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
function monthTable(): Record<string, number> {
  if (MONTHS) return MONTHS;
  const table: Record<string, number> = {};
  const months = (names: string[]) =>
    names.forEach((n, i) => {
      for (const alias of n.split('|')) {
        table[alias] = i + 1;
        table[stripAccents(alias)] = i + 1;
      }
    });
  // en (short and long)
  months(['jan|january', 'feb|february', 'mar|march', 'apr|april', 'may', 'jun|june', 'jul|july', 'aug|august', 'sep|sept|september', 'oct|october', 'nov|november', 'dec|december']);
  // pt, es, it, fr, de, nl, sk, pl, tr, ru (abbreviated and genitive forms)
  months(['jan|janeiro|ene|enero|gen|gennaio|janv|janvier|januar|jänner|januari|január|sty|stycznia|oca|ocak|янв|января|январь', 'fev|fevereiro|feb|febrero|febbraio|févr|fevr|février|febr|februar|februari|február|lut|lutego|şub|sub|şubat|subat|фев|февраля|февраль', 'mar|março|marzo|mars|mär|märz|mrz|maart|mrt|marec|marca|март|марта|мар', 'abr|abril|apr|aprile|avr|avril|kwi|kwietnia|nis|nisan|апр|апреля|апрель', 'mai|maio|may|mayo|mag|maggio|mei|máj|maj|maja|mayıs|mayis|мая|май', 'jun|junho|junio|giu|giugno|juin|juni|jún|cze|czerwca|haz|haziran|июн|июня|июнь', 'jul|julho|julio|lug|luglio|juil|juillet|juli|júl|lip|lipca|tem|temmuz|июл|июля|июль', 'ago|agosto|août|aout|aug|augustus|sie|sierpnia|ağu|agu|ağustos|agustos|авг|августа|август', 'set|setembro|sep|septiembre|settembre|sept|septembre|september|wrz|września|wrzesnia|eyl|eylül|eylul|сен|сентября|сентябрь', 'out|outubro|oct|octubre|ott|ottobre|octobre|okt|oktober|október|paź|paz|października|eki|ekim|окт|октября|октябрь', 'nov|novembro|noviembre|novembre|november|lis|listopada|kas|kasım|kasim|ноя|ноября|ноябрь', 'dez|dezembro|dic|diciembre|dicembre|déc|dec|décembre|dezember|december|gru|grudnia|ara|aralık|aralik|дек|декабря|декабрь']);
  return (MONTHS = table);
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Weekday tokens -> 0 (Sunday) .. 6 (Saturday); built on first use (only tracking times have them). */
let WEEKDAYS: Record<string, number> | undefined;
function weekdayNamed(token: string): number | undefined {
  if (!WEEKDAYS) {
    const table: Record<string, number> = {};
    ['sun|sunday|dom|domingo|dim|so|zo|ne|niedz|paz|вс|일', 'mon|monday|seg|segunda|lun|lunes|lunedì|mo|ma|po|pon|pzt|пн|월', 'tue|tuesday|ter|terça|terca|mar|martes|martedì|mardi|di|ut|wt|sal|вт|화', 'wed|wednesday|qua|quarta|mié|mie|miércoles|mercoledì|mer|mercredi|mi|wo|st|śr|sr|çar|car|ср|수', 'thu|thursday|qui|quinta|jue|jueves|giovedì|gio|jeu|jeudi|do|št|czw|per|чт|목', 'fri|friday|sex|sexta|vie|viernes|venerdì|ven|vendredi|fr|vr|pi|pt|cum|пт|금', 'sat|saturday|sáb|sab|sábado|sabado|sabato|sam|samedi|sa|za|so|sob|cmt|сб|토'].forEach((n, i) => {
      for (const alias of n.split('|')) if (!(alias in table)) table[alias] = i;
    });
    WEEKDAYS = table;
  }
  return WEEKDAYS[token] ?? WEEKDAYS[stripAccents(token)];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD when year/month/day form a real calendar date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined; // e.g. Feb 30
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthOf(token: string): number | undefined {
  const t = token.toLowerCase().replace(/\.$/, '');
  // English short names need no table (most pages)
  const en = EN_MONTHS.indexOf(t);
  if (en >= 0) return en + 1;
  const table = monthTable();
  return table[t] ?? table[stripAccents(t)];
}

// Letters of any script (month names in Latin or Cyrillic) followed by an optional dot.
const M = '([\\p{L}]{2,12})\\.?';
// The same on a text of ASCII only, where the only letters are A–Z: a plain pattern, quick to make and
// compile, finds exactly what the Unicode one would (English pages, the most common, need no other).
const M_ASCII = '([A-Za-z]{2,12})\\.?';
// A character that may be a letter: not a digit, space or punctuation. Cheap to compile, unlike \p{L}.
const L = '[^\\d\\s.,:;!?()\\[\\]/\\\\-]';

/** A regular expression made when first needed: a Unicode one costs a page to make as well as to compile. */
function madeOnUse(source: string, flags: string): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
}
const ready = (re: RegExp) => () => re;

/** The month-name patterns, for texts of any script (`M`) or of ASCII only (`M_ASCII`). */
const monthFirst = (month: string, letter: string) => `(?<!${letter})${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`;
const dayFirst = (month: string) => `(?<!\\d)(\\d{1,2})\\.?\\s*(?:de\\s+)?${month}\\s*(?:de\\s+|,\\s*)?(\\d{4})(?!\\d)`;

// A text is tried with a pattern only if it has what every match has: one of the characters in
// `needs`, and a match of `hint`. Unicode patterns are slow to compile (a first use costs a page more
// than reading a card), and most pages use one format; a text of ASCII only uses `ascii` instead.
const PATTERNS: { re: () => RegExp; ascii?: () => RegExp; needs?: string[]; hint?: RegExp; parts: (m: RegExpExecArray) => [number, number | undefined, number] }[] = [
  // 2026-09-04, 2026/9/4, 2026.9.4 (ISO-like, also Korean "2026. 9. 4.")
  { re: ready(/(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)\.?/gu), needs: ['-', '/', '.'], parts: (m) => [+m[1], +m[2], +m[3]] },
  // 2026년 9월 4일, 2026年9月4日
  { re: ready(/(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]/gu), needs: ['년', '年'], parts: (m) => [+m[1], +m[2], +m[3]] },
  // Sep 4, 2026 / Sep. 04 2026 / September 4th, 2026
  {
    re: madeOnUse(monthFirst(M, '[\\p{L}]'), 'gu'),
    ascii: madeOnUse(monthFirst(M_ASCII, '[A-Za-z]'), 'g'),
    hint: new RegExp(`${L}\\.?\\s+\\d`),
    parts: (m) => [+m[3], monthOf(m[1]), +m[2]],
  },
  // 4 Sep 2026 / 24 nov, 2023 / 24 de nov. de 2023 / 7. Aug. 2026 / 21 ноября 2026 г.
  {
    re: madeOnUse(dayFirst(M), 'gu'),
    ascii: madeOnUse(dayFirst(M_ASCII), 'g'),
    hint: new RegExp(`\\d\\.?\\s*${L}`),
    parts: (m) => [+m[3], monthOf(m[2]), +m[1]],
  },
  // 14.11.2025, 3. 11. 2026 (day first: de, ru, pl, tr, sk, cs)
  { re: ready(/(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/gu), needs: ['.'], parts: (m) => [+m[3], +m[2], +m[1]] },
];

const NOT_ASCII = /[^\x00-\x7f]/;

export interface FoundDate {
  date: string;
  index: number;
  raw: string;
}

/** Every full date (with a year) in a text, in reading order. */
export function findDates(text: string): FoundDate[] {
  if (!text) return [];
  const found: FoundDate[] = [];
  const ascii = !NOT_ASCII.test(text);
  for (const pattern of PATTERNS) {
    const { needs, hint, parts } = pattern;
    if (needs && !needs.some((c) => text.includes(c))) continue;
    if (hint && !hint.test(text)) continue;
    const re = ascii && pattern.ascii ? pattern.ascii() : pattern.re();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, mo, d] = parts(m);
      const date = mo ? isoDate(y, mo, d) : undefined;
      if (!date) continue;
      const end = m.index + m[0].length;
      if (found.some((f) => m!.index < f.index + f.raw.length && f.index < end)) continue;
      found.push({ date, index: m.index, raw: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first full date in a text, as YYYY-MM-DD. */
export function parseDate(text: string | undefined | null): string | undefined {
  return text ? findDates(text)[0]?.date : undefined;
}

/** A calendar date from epoch milliseconds, in the given zone's offset (minutes east of UTC) or local. */
export function dateFromEpoch(ms: number, offsetMinutes?: number): string | undefined {
  return dateTimeFromEpoch(ms, offsetMinutes)?.slice(0, 10);
}

export function dateTimeFromEpoch(ms: number, offsetMinutes?: number): string | undefined {
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  const d = offsetMinutes === undefined ? new Date(ms) : new Date(ms + offsetMinutes * 60_000);
  if (Number.isNaN(d.getTime())) return undefined;
  const [y, mo, day, h, mi] =
    offsetMinutes === undefined
      ? [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]
      : [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  return `${y}-${pad(mo)}-${pad(day)}T${pad(h)}:${pad(mi)}`;
}

/** The local calendar date of a moment, YYYY-MM-DD. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ---------------------------------------------------------------------------------------------
// Year-less times (tracking events "Tue | Jul. 28 18:39") and ranges ("Sep. 26 - Oct. 01")

export interface MonthDayTime {
  year?: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  weekday?: number;
}

/** Month, day, optional time, year and leading weekday of a tracking time text. */
export function parseMonthDayTime(text: string): MonthDayTime | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const time = /(?<!\d)(\d{1,2}):(\d{2})(?::\d{2})?(?!\d)/.exec(t);
  const hm = time ? { hour: +time[1], minute: +time[2] } : {};
  if (time && (hm.hour! > 23 || hm.minute! > 59)) return undefined;
  const rest = time ? t.slice(0, time.index) + ' ' + t.slice(time.index + time[0].length) : t;
  const full = findDates(rest)[0];
  let weekday: number | undefined;
  const wd = /^\s*([\p{L}]{1,12}?)\.?\s*(?:요일)?\s*[|,，]/u.exec(rest); // lazy: "화요일 |" -> 화
  if (wd) weekday = weekdayNamed(wd[1].toLowerCase());
  const body = wd ? rest.slice(wd[0].length) : rest;
  if (full) {
    const [y, mo, d] = full.date.split('-').map(Number);
    return { year: y, month: mo, day: d, weekday, ...hm };
  }
  let month: number | undefined;
  let day: number | undefined;
  let m: RegExpExecArray | null;
  // a day glued to letters ("Jul. 2x") is garbled, not the 2nd
  if ((m = new RegExp(`(?<![\\p{L}])${M}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d\\p{L}])`, 'u').exec(body)) && monthOf(m[1])) {
    month = monthOf(m[1]);
    day = +m[2];
  } else if ((m = new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s*(?:de\\s+)?${M}`, 'u').exec(body)) && monthOf(m[2])) {
    month = monthOf(m[2]);
    day = +m[1];
  } else if ((m = /(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]/u.exec(body))) {
    month = +m[1];
    day = +m[2];
  } else if ((m = /(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})(?![\d/.-])/.exec(body))) {
    // "07-28" or "07/28": month first, as AliExpress's numeric tracking times are written; never the
    // tail of a longer number ("0000-01-01" is no Jan 1)
    month = +m[1];
    day = +m[2];
  }
  if (!month || !day || month > 12 || day > 31) return undefined;
  return { month, day, weekday, ...hm };
}

export interface YearContext {
  /** order date, YYYY-MM-DD: events are not more than a day before it */
  placedOn?: string;
  now: Date;
}

function weekdayOf(y: number, mo: number, d: number) {
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

/**
 * The year of a year-less month/day: (1) the weekday settles it, (2) else the year that puts the
 * day within [placedOn - 1 day, now + 1 day], (3) else the latest year not in the future.
 * `guessed` is true in case (3).
 */
export function inferYear(p: MonthDayTime, ctx: YearContext): { year: number; guessed: boolean } | undefined {
  if (p.year) return isoDate(p.year, p.month, p.day) ? { year: p.year, guessed: false } : undefined;
  const nowYear = ctx.now.getFullYear();
  const candidates = [nowYear + 1, nowYear, nowYear - 1, nowYear - 2].filter((y) => isoDate(y, p.month, p.day));
  const upper = localDate(new Date(ctx.now.getTime() + 86_400_000));
  const lower = ctx.placedOn ? shiftDate(ctx.placedOn, -1) : undefined;
  const inWindow = (y: number) => {
    const d = isoDate(y, p.month, p.day)!;
    return d <= upper && (!lower || d >= lower);
  };
  if (p.weekday !== undefined) {
    const byWeekday = candidates.filter((y) => weekdayOf(y, p.month, p.day) === p.weekday);
    // a lone weekday match may be outside the order window, but never in the future
    const best = byWeekday.find(inWindow) ?? (byWeekday.length === 1 && isoDate(byWeekday[0], p.month, p.day)! <= upper ? byWeekday[0] : undefined);
    if (best) return { year: best, guessed: false };
  }
  const windowed = candidates.filter(inWindow);
  if (windowed.length === 1 || (windowed.length > 1 && lower)) return { year: windowed[0], guessed: false };
  const notFuture = candidates.find((y) => isoDate(y, p.month, p.day)! <= upper);
  return notFuture ? { year: notFuture, guessed: true } : undefined;
}

/** YYYY-MM-DD shifted by whole days. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * Tracking times listed newest first, each to 'YYYY-MM-DDTHH:mm'. Years never increase down the list
 * (a Jan event above a Dec event means the year turned). Unreadable times give `at: undefined`.
 */
export function resolveTrackingTimes(
  texts: string[],
  ctx: YearContext,
): { at?: string; guessed: boolean }[] {
  const out: { at?: string; guessed: boolean }[] = [];
  let newer: string | undefined; // the previous (newer) resolved event
  for (const text of texts) {
    const p = parseMonthDayTime(text);
    if (!p) {
      out.push({ guessed: false });
      continue;
    }
    let res = inferYear(p, ctx);
    if (res && !p.year && newer && isoDate(res.year, p.month, p.day)! > newer.slice(0, 10)) {
      // older events cannot be after newer ones: step back a year
      const y = res.year - 1;
      res = isoDate(y, p.month, p.day) ? { year: y, guessed: res.guessed } : undefined;
    }
    if (!res) {
      out.push({ guessed: false });
      continue;
    }
    const at = `${isoDate(res.year, p.month, p.day)}T${pad(p.hour ?? 0)}:${pad(p.minute ?? 0)}`;
    newer = at;
    out.push({ at, guessed: res.guessed });
  }
  return out;
}

/**
 * A delivery range without a year ("Sep 21 - 26", "Sep. 26 - Oct. 01", "Jul. 28") -> start and end.
 * The year is the first that puts the start on or after the order date (else now's year); an end
 * month before the start month is in the next year.
 */
export function parseDateRange(text: string, ctx: YearContext): { start: string; end: string } | undefined {
  if (!text) return undefined;
  const withYear = findDates(text);
  // Korean "8월 3일 - 8월 10일" / "9월 21일 - 26일": month numbers as month names for the pattern below
  text = text.replace(/(?<!\d)(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]?/gu, (all, mo, d) => (+mo >= 1 && +mo <= 12 ? `${EN_MONTHS[+mo - 1]} ${d}` : all));
  if (withYear.length >= 1) {
    return { start: withYear[0].date, end: withYear[withYear.length - 1].date };
  }
  const re = new RegExp(`${M}\\s*(\\d{1,2})(?!\\d)(?:\\s*[-–~]\\s*(?:${M}\\s*)?(\\d{1,2})(?!\\d))?`, 'u');
  let m = re.exec(text);
  while (m && !monthOf(m[1])) {
    const next = re.exec(text.slice(m.index + m[0].length));
    m = next ? Object.assign(next, { index: next.index + m.index + m[0].length }) : null;
  }
  if (!m) return undefined;
  const m1 = monthOf(m[1])!;
  const d1 = +m[2];
  const m2 = m[3] ? monthOf(m[3]) : m1;
  const d2 = m[4] ? +m[4] : d1;
  if (!m2) return undefined;
  const base = ctx.placedOn ? +ctx.placedOn.slice(0, 4) : ctx.now.getFullYear();
  let y1 = base;
  if (ctx.placedOn && (isoDate(y1, m1, d1) ?? '') < ctx.placedOn) y1 += 1;
  const y2 = m2 < m1 ? y1 + 1 : y1;
  const start = isoDate(y1, m1, d1);
  const end = isoDate(y2, m2, d2);
  return start && end ? { start, end } : undefined;
}
