import { findPii, hideUnwanted, redactClone } from '@/utils/evidence/redact';

describe('redacted copies', () => {
  it('covers the §12 personal-detail blocks (outermost only) and leaves the tracking number', () => {
    document.body.innerHTML = `
      <div class="ship-to--wrap--1a2b"><span class="name">Kim Minsu</span><span>010-1234-5678</span></div>
      <div class="order-detail-info"><div class="contact-info">Seoul</div></div>
      <span class="logistic-info-v2--mailNoValue--X0fPzen">LP00123456789</span>
      <div id="J_xiaomi_dialog">bot</div>`;
    const found = findPii(document);
    expect(found.map((e) => e.className)).toEqual(['ship-to--wrap--1a2b', 'order-detail-info']);
    expect(redactClone(document)).toBe(2);
    const ship = document.querySelector<HTMLElement>('.ship-to--wrap--1a2b')!;
    expect(ship.style.getPropertyValue('color')).toBe('transparent');
    expect(ship.querySelector<HTMLElement>('.name')!.style.getPropertyValue('visibility')).toBe('hidden');
    expect(document.querySelector<HTMLElement>('[class*="mailNoValue"]')!.getAttribute('style')).toBeNull();
    hideUnwanted(document);
    expect(document.querySelector<HTMLElement>('#J_xiaomi_dialog')!.style.getPropertyValue('display')).toBe('none');
  });
});
