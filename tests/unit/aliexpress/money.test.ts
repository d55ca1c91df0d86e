import { moneyFromFormatPriceInfo, parseMoney } from '../../../utils/aliexpress/money';

describe('money', () => {
  it.each([
    ['R$132,74|132|74', undefined, { amount: 132.74, currency: 'BRL', text: 'R$132,74' }],
    ['€48.88|48|88', undefined, { amount: 48.88, currency: 'EUR' }],
    ['₩11,110|11110|', 'KRW', { amount: 11110, currency: 'KRW' }],
  ])('formatPriceInfo %s', (info, cur, expected) => {
    expect(moneyFromFormatPriceInfo(info, cur)).toMatchObject(expected);
  });

  it.each([
    ['Total: US $12.50', { amount: 12.5, currency: 'USD' }],
    ['US $1,234.56', { amount: 1234.56, currency: 'USD' }],
    ['R$132,74', { amount: 132.74, currency: 'BRL' }],
    ['₩11,110', { amount: 11110, currency: 'KRW' }],
    ['11,110원', { amount: 11110, currency: 'KRW' }],
    ['12,50 €', { amount: 12.5, currency: 'EUR' }],
    ['1.234,56 zł', { amount: 1234.56, currency: 'PLN' }],
    ['€1.234', { amount: 1234, currency: 'EUR' }],
    ['CA$ 20.00', { amount: 20, currency: 'CAD' }],
    ['1 299,00 ₽', { amount: 1299, currency: 'RUB' }],
  ])('%s', (text, expected) => {
    const r = parseMoney(text);
    expect(r.money).toMatchObject(expected);
    expect(r.problem).toBeUndefined();
  });

  it('assumes US dollars for a bare "$" but says so, unless the page gave the currency', () => {
    expect(parseMoney('$5.00')).toMatchObject({ money: { amount: 5, currency: 'USD' }, problem: expect.stringContaining('$') });
    expect(parseMoney('$5.00', 'MXN')).toEqual({ money: { amount: 5, currency: 'MXN', text: '$5.00' } });
  });

  it('reports text without an amount or a currency', () => {
    expect(parseMoney('Total:').problem).toMatch(/no amount/);
    expect(parseMoney('12.50').problem).toMatch(/currency/);
  });
});
