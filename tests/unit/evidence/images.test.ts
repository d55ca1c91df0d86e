import { cachedFetcher, isAliExpressImageUrl, missingImageDataUrl, needsInlining, prefetchImages } from '@/utils/evidence/images';

describe('re-reading the page images', () => {
  it('only AliExpress page and image hosts are ever re-read', () => {
    expect(isAliExpressImageUrl('https://ae01.alicdn.com/kf/Hshop.jpg_50x50.jpg')).toBe(true);
    expect(isAliExpressImageUrl('https://ae-pic-a1.aliexpress-media.com/kf/S8f.png_640x640.png?width=640')).toBe(true);
    expect(isAliExpressImageUrl('https://www.aliexpress.us/x.png')).toBe(true);
    expect(isAliExpressImageUrl('https://alicdn.com.evil.example/x.png')).toBe(false);
    expect(isAliExpressImageUrl('https://evil.example/ae01.alicdn.com.png')).toBe(false);
    expect(isAliExpressImageUrl('data:image/png;base64,xx')).toBe(false);
    expect(isAliExpressImageUrl('javascript:alert(1)')).toBe(false);
  });

  it('inlines only cross-origin images', () => {
    const page = 'https://www.aliexpress.com';
    expect(needsInlining('https://ae01.alicdn.com/kf/x.png', page)).toBe(true);
    expect(needsInlining('/kf/x.png', page)).toBe(false);
    expect(needsInlining('https://www.aliexpress.com/x.png', page)).toBe(false);
    expect(needsInlining('data:image/png;base64,xx', page)).toBe(false);
    expect(needsInlining('blob:https://www.aliexpress.com/1234', page)).toBe(false);
    expect(needsInlining('', page)).toBe(false);
  });

  it('draws an "image missing" box of the image size', () => {
    const svg = decodeURIComponent(missingImageDataUrl(120, 40).split(',')[1]);
    expect(svg).toContain('width="120" height="40"');
    expect(svg).toContain('image missing');
  });

  it('asks for each address once, never for foreign hosts, and notes what was missing', async () => {
    const asked: string[] = [];
    const f = cachedFetcher(async (url) => {
      asked.push(url);
      return url.includes('ok') ? 'data:image/png;base64,AA==' : null;
    });
    const a = 'https://ae01.alicdn.com/ok.png';
    const b = 'https://ae01.alicdn.com/gone.png';
    const results = await Promise.all([f(a), f(a), f(b), f('https://tracker.example/ok.png')]);
    expect(results).toEqual(['data:image/png;base64,AA==', 'data:image/png;base64,AA==', null, null]);
    expect(asked).toEqual([a, b]);
    expect([...f.inlined]).toEqual([a]);
    expect([...f.missing].sort()).toEqual([b, 'https://tracker.example/ok.png'].sort());
  });

  it('refuses answers that are not images and runs at most `limit` requests at once', async () => {
    let running = 0;
    let peak = 0;
    const f = cachedFetcher(async (url) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return url.endsWith('html') ? 'data:text/html;base64,PGI+' : 'data:image/png;base64,AA==';
    }, 2);
    const urls = Array.from({ length: 7 }, (_, i) => `https://ae01.alicdn.com/${i}.png`);
    await Promise.all(urls.map(f));
    expect(peak).toBe(2);
    expect(await f('https://ae01.alicdn.com/page.html')).toBeNull();
  });

  it('starts re-reading the live page\'s cross-origin images before the clone asks, each once, leaving out ignored elements', async () => {
    document.body.innerHTML = `
      <div id="pane">
        <img src="https://ae01.alicdn.com/kf/avatar.png"><img src="https://ae01.alicdn.com/kf/avatar.png">
        <img src="/local.png"><img src="data:image/png;base64,AA=="><img src="https://tracker.example/pixel.png">
        <aliproof-capture><img src="https://ae01.alicdn.com/kf/ours.png"></aliproof-capture>
      </div>
      <img src="https://ae01.alicdn.com/kf/outside.png">`;
    const asked: string[] = [];
    const f = cachedFetcher(async (url) => {
      asked.push(url);
      return 'data:image/png;base64,AA==';
    });
    prefetchImages(document.getElementById('pane')!, location.origin, f, (el) => el.tagName.startsWith('ALIPROOF-'));
    await Promise.resolve();
    expect(asked).toEqual(['https://ae01.alicdn.com/kf/avatar.png']); // foreign hosts never reach the background
    expect(await f('https://ae01.alicdn.com/kf/avatar.png')).toBe('data:image/png;base64,AA=='); // the clone's ask: answered from the cache
    expect(asked).toHaveLength(1);
    expect([...f.missing]).toEqual(['https://tracker.example/pixel.png']);
  });
});
