// Messages and letters filled from a case (pure). See messages.ts (English, to the seller and to
// AliExpress) and letters.ts (Korean: card company, 1372/KCA).
export * from './facts';
export * from './messages';
export * from './letters';
