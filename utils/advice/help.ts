// Help texts from the two Korean seed articles (shared/seeds/). Marked unverified: not confirmed on
// an AliExpress page (dispute-rules.md §8.4, §9).
import type { MessageKey } from '../i18n';

export interface SeedSource {
  seed: string;
  verified: false;
}

/** The five steps of seed 000's table "알리익스프레스 분쟁 해결 단계별 설명서". */
export const HELP_STEPS: { steps: readonly MessageKey[]; titleKey: MessageKey } & SeedSource = {
  titleKey: 'help.stepsTitle',
  steps: ['help.step1', 'help.step2', 'help.step3', 'help.step4', 'help.step5'],
  seed: '000_3df4ace3e69a3238.txt',
  verified: false,
};

export interface ContactChannel {
  id: 'phone' | 'chat' | 'email';
  key: MessageKey;
  /** dialable number for a tel: link */
  phone?: string;
}

/** AliExpress customer service for Korea, seed 002 (phone weekdays 09–18, 24 h chat, e-mail 24–48 h). */
export const CONTACTS: { channels: readonly ContactChannel[]; titleKey: MessageKey } & SeedSource = {
  titleKey: 'help.contactsTitle',
  channels: [
    { id: 'phone', key: 'help.phone', phone: '1877-4816' },
    { id: 'chat', key: 'help.chat' },
    { id: 'email', key: 'help.email' },
  ],
  seed: '002_0fc01f8d83fd9bfd.txt',
  verified: false,
};

export const SEED_NOTE_KEY: MessageKey = 'help.seedNote';
export const ESCALATE_KEY: MessageKey = 'help.escalate';
