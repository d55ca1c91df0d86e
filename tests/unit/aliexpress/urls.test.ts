import { pageFromUrl, orderIdFromHref, isAliExpressUrl } from '../../../utils/aliexpress/urls';

describe('AliExpress addresses', () => {
  it.each([
    ['https://www.aliexpress.com/p/order/index.html', { kind: 'order-list' }],
    ['https://ko.aliexpress.com/p/order/index.html?tab=shipped', { kind: 'order-list' }],
    ['https://trade.aliexpress.com/orderList.htm', { kind: 'order-list' }],
    ['https://www.aliexpress.com/p/order/detail.html?spm=a2g0n.order_list.0.1&orderId=8212313961591322', { kind: 'order-detail', orderId: '8212313961591322' }],
    ['https://www.aliexpress.us/p/order/detail.html?orderId=3041111111111111', { kind: 'order-detail', orderId: '3041111111111111' }],
    ['https://trade.aliexpress.com/order_detail.htm?orderId=3041111111111111', { kind: 'order-detail', orderId: '3041111111111111' }],
    ['https://aliexpress.ru/order-list/3041111111111111', { kind: 'order-detail', orderId: '3041111111111111' }],
    ['https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322&_addShare=no', { kind: 'tracking', orderId: '8212313961591322' }],
    ['https://track.aliexpress.com/logisticsdetail.htm?tradeId=8212313961591322', { kind: 'tracking', orderId: '8212313961591322' }],
    ['https://www.aliexpress.com/p/message/index.html?fromCode=order&orderId=8212313961591322', { kind: 'chat', orderId: '8212313961591322' }],
    ['https://msg.aliexpress.com/buyerMsgListNew.htm', { kind: 'chat' }],
    ['https://www.aliexpress.com/item/1005001.html', { kind: 'unknown' }],
    ['https://www.aliexpress.com/p/order/detail.html?orderId=123', { kind: 'order-detail' }],
    ['https://evil.example/p/order/index.html', { kind: 'unknown' }],
    ['https://aliexpress.com.evil.example/p/order/index.html', { kind: 'unknown' }],
    ['not a url', { kind: 'unknown' }],
  ])('%s', (url, expected) => {
    expect(pageFromUrl(url)).toEqual(expected);
  });

  it('takes order ids from links, not text', () => {
    expect(orderIdFromHref('//www.aliexpress.com/p/order/detail.html?orderId=8212313961591322')).toBe('8212313961591322');
    expect(orderIdFromHref('/p/tracking/index.html?tradeOrderId=3041111111111111&x=1')).toBe('3041111111111111');
    expect(orderIdFromHref('/item/1005001.html')).toBeUndefined();
  });

  it('knows AliExpress hosts', () => {
    expect(isAliExpressUrl('https://m.ko.aliexpress.com/')).toBe(true);
    expect(isAliExpressUrl('https://notaliexpress.com/')).toBe(false);
  });
});
