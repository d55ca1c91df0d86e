// Money as AliExpress shows it: "US $12.50", "R$132,74", "₩11,110", "€48.88", "1.234,56 zł".
import type { Money } from '../types';

/** Currency symbols and words -> ISO 4217, longest first so "US $" wins over "$". */
const SYMBOLS: [string, string][] = (
  [
    ['US $', 'USD'], ['US$', 'USD'], ['USD', 'USD'], ['R$', 'BRL'], ['BRL', 'BRL'], ['₩', 'KRW'], ['￦', 'KRW'], ['KRW', 'KRW'], ['원', 'KRW'],
    ['€', 'EUR'], ['EUR', 'EUR'], ['£', 'GBP'], ['GBP', 'GBP'], ['CA$', 'CAD'], ['C$', 'CAD'], ['CAD', 'CAD'],
    ['AU$', 'AUD'], ['A$', 'AUD'], ['AUD', 'AUD'], ['zł', 'PLN'], ['PLN', 'PLN'], ['₽', 'RUB'], ['руб', 'RUB'], ['RUB', 'RUB'],
    ['₺', 'TRY'], ['TL', 'TRY'], ['TRY', 'TRY'], ['CN¥', 'CNY'], ['CNY', 'CNY'], ['JP¥', 'JPY'], ['円', 'JPY'], ['JPY', 'JPY'], ['¥', 'CNY'],
    ['MX$', 'MXN'], ['MXN', 'MXN'], ['HK$', 'HKD'], ['HKD', 'HKD'], ['S$', 'SGD'], ['SGD', 'SGD'], ['₪', 'ILS'], ['ILS', 'ILS'],
    ['₱', 'PHP'], ['PHP', 'PHP'], ['฿', 'THB'], ['THB', 'THB'], ['₫', 'VND'], ['VND', 'VND'], ['CHF', 'CHF'], ['kr', 'SEK'],
    ['Kč', 'CZK'], ['CZK', 'CZK'], ['Ft', 'HUF'], ['HUF', 'HUF'], ['lei', 'RON'], ['zl', 'PLN'], ['Rp', 'IDR'], ['IDR', 'IDR'],
    ['₹', 'INR'], ['INR', 'INR'], ['NZ$', 'NZD'], ['NZD', 'NZD'], ['CLP', 'CLP'], ['COP', 'COP'], ['SAR', 'SAR'], ['AED', 'AED'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/** Currencies shown without minor units. */
const NO_DECIMALS = new Set(['KRW', 'JPY', 'VND', 'CLP', 'IDR', 'HUF']);

/** "<display>|<integer>|<fraction>" from AliExpress payloads: unambiguous about separators. */
export function moneyFromFormatPriceInfo(info: string | undefined, currency?: string): Money | undefined {
  if (!info) return undefined;
  const [text, int, frac = ''] = info.split('|');
  if (!/^\d+$/.test(int ?? '') || !/^\d*$/.test(frac)) return undefined;
  const amount = Number(int) + (frac ? Number(frac) / 10 ** frac.length : 0);
  const cur = currency || currencyOf(text).currency;
  return cur ? { amount, currency: cur, text: text.trim() } : undefined;
}

export function currencyOf(text: string): { currency?: string; ambiguous?: boolean } {
  for (const [sym, iso] of SYMBOLS) {
    if (/^[A-Za-z]+$/.test(sym) ? new RegExp(`(^|[^A-Za-z])${sym}([^A-Za-z]|$)`).test(text) : text.includes(sym)) {
      return { currency: iso };
    }
  }
  return /\$/.test(text) ? { ambiguous: true } : {};
}

/**
 * Money from display text. `currencyHint` (an ISO code from the payload) settles a bare "$".
 * Returns a problem in plain words when the amount or currency cannot be told.
 */
export function parseMoney(text: string | undefined | null, currencyHint?: string): { money?: Money; problem?: string } {
  const raw = (text ?? '').replace(/\s+/g, ' ').trim();
  const num = /\d[\d.,\s\u00a0\u202f']*/.exec(raw);
  if (!num) return { problem: `no amount in "${raw.slice(0, 40)}"` };
  const cur = currencyOf(raw);
  const currency = currencyHint || cur.currency || (cur.ambiguous ? 'USD' : undefined);
  if (!currency) return { problem: `unknown currency in "${raw.slice(0, 40)}"` };
  const amount = parseAmount(num[0].trim(), currency);
  if (amount === undefined) return { problem: `unreadable amount "${num[0].trim()}"` };
  const money = { amount, currency, text: raw };
  return cur.ambiguous && !currencyHint && !cur.currency ? { money, problem: `"$" could be several currencies; assumed US dollars` } : { money };
}

function parseAmount(s: string, currency: string): number | undefined {
  const digits = s.replace(/[\s\u00a0\u202f']/g, '');
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // the later separator is the decimal one
    normal = lastComma > lastDot ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = digits.split(sep);
    const tail = parts[parts.length - 1];
    // ",dd" or ".dd" at the end is a decimal part; groups of three are thousands (and KRW has no decimals)
    const decimal = parts.length === 2 && tail.length !== 3 && !NO_DECIMALS.has(currency);
    normal = decimal ? parts.join('.') : parts.join('');
  } else {
    normal = digits;
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}
