// Addresses AliProof reads from pages or the address bar are untrusted: a malformed one gives "nothing",
// never an exception, and never a link AliProof would follow.
import { orderFromHash } from '../../../utils/case/url';
import { absoluteUrl, orderIdFromHref, pageFromUrl } from '../../../utils/aliexpress/urls';
import { isAliExpressImageUrl } from '../../../utils/evidence/images';

describe('the case page address', () => {
  it.each(['#order=%E0%A4%A', '#order=%', '#%order=1', '#order=123456789012%00', '#order=1234567890123456789012345'])('%j names no order and does not throw', (hash) => {
    expect(() => orderFromHash(hash)).not.toThrow();
    expect(orderFromHash(hash)).toBeUndefined();
  });
});

describe('links read from pages', () => {
  it.each(['javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'blob:https://www.aliexpress.com/x', '%', '//'])(
    '%j is not kept as a link',
    (href) => {
      expect(absoluteUrl(href)).toBeUndefined();
    },
  );

  it('order ids come only from the known query parameters, digits only', () => {
    expect(orderIdFromHref('https://evil.example/?orderId=8203117745612098')).toBe('8203117745612098'); // an id, not a link to follow
    expect(orderIdFromHref('?orderId=javascript:1')).toBeUndefined();
    expect(pageFromUrl('https://www.aliexpress.com.evil.example/p/order/index.html').kind).toBe('unknown');
    expect(pageFromUrl('https://evil.example/p/order/index.html?x=www.aliexpress.com').kind).toBe('unknown');
  });
});

describe('image hosts the background may re-read', () => {
  it.each([
    'https://ae01.alicdn.com@evil.example/kf/x.png',
    'https://evil.example\\.alicdn.com/kf/x.png',
    'https://evil.example/#.alicdn.com/x.png',
    'https://alicdn.com.evil.example/kf/x.png',
    'https://xn--alicdn-9ya.com/kf/x.png',
    'https://127.0.0.1/x.png',
    'http://[::1]/x.png',
    'ftp://ae01.alicdn.com/kf/x.png',
    'ws://ae01.alicdn.com/kf/x.png',
    '//evil.example/x.png',
    'https://aliexpress-media.com.evil.example/x.png',
  ])('%s is refused', (url) => {
    expect(isAliExpressImageUrl(url)).toBe(false);
  });

  it.each(['https://ae01.alicdn.com/kf/x.png', 'https://AE01.ALICDN.COM/kf/x.png', 'https://ae-pic-a1.aliexpress-media.com/kf/S1.jpg_220x220.jpg', 'https://ko.aliexpress.com/x.png'])('%s is allowed', (url) => {
    expect(isAliExpressImageUrl(url)).toBe(true);
  });
});
