// The order-page code's lifetime on a page: it ends when AliProof is gone or a newer copy starts, and
// takes its cleanups and listeners with it; it tells of single-page navigations.
import { startPageLifetime } from '@/components/page/page-lifetime';

afterEach(() => vi.useRealTimers());

it('ends when AliProof is gone, running each cleanup once and taking its listeners off', () => {
  let alive = true;
  const life = startPageLifetime('test-gone', () => alive);
  const cleanup = vi.fn();
  const heard = vi.fn();
  life.onEnd(cleanup);
  life.listen(window, 'aliproof-test', heard);
  window.dispatchEvent(new Event('aliproof-test'));
  expect(life.ended).toBe(false);
  alive = false;
  expect(life.ended).toBe(true);
  expect(life.ended).toBe(true);
  expect(cleanup).toHaveBeenCalledTimes(1);
  window.dispatchEvent(new Event('aliproof-test'));
  expect(heard).toHaveBeenCalledTimes(1);
  const late = vi.fn();
  life.onEnd(late); // asked after it ended: at once
  expect(late).toHaveBeenCalledTimes(1);
});

it('ends the copy that started before it on the same page, and only that name', () => {
  const first = startPageLifetime('test-copy', () => true);
  const other = startPageLifetime('test-other', () => true);
  const cleanup = vi.fn();
  first.onEnd(cleanup);
  const second = startPageLifetime('test-copy', () => true);
  expect(cleanup).toHaveBeenCalledTimes(1);
  expect(first.ended).toBe(true);
  expect(second.ended).toBe(false);
  expect(other.ended).toBe(false);
});

it('keeps running the other cleanups when one throws', () => {
  let alive = true;
  const life = startPageLifetime('test-throw', () => alive);
  const after = vi.fn();
  life.onEnd(() => {
    throw new Error('boom');
  });
  life.onEnd(after);
  alive = false;
  expect(life.ended).toBe(true);
  expect(after).toHaveBeenCalledTimes(1);
});

it('tells of a navigation without a page load, once per new address, and not after it ended', async () => {
  vi.useFakeTimers(); // no Navigation API here: the address is looked at once a second
  let alive = true;
  const life = startPageLifetime('test-nav', () => alive);
  const moved = vi.fn();
  life.onNavigate(moved);
  const start = location.href;
  await vi.advanceTimersByTimeAsync(1000);
  expect(moved).not.toHaveBeenCalled();
  history.pushState({}, '', '/p/order/detail.html?orderId=8200000000000001');
  await vi.advanceTimersByTimeAsync(1000);
  await vi.advanceTimersByTimeAsync(1000);
  expect(moved).toHaveBeenCalledTimes(1);
  alive = false;
  history.pushState({}, '', '/p/order/index.html');
  await vi.advanceTimersByTimeAsync(2000);
  expect(moved).toHaveBeenCalledTimes(1);
  history.replaceState({}, '', start);
});
