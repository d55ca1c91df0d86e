// Advice: pure functions that turn an order's facts and clocks into plain-words guidance.
export * from './next-step';
export * from './tracking';
export * from './checklists';
export * from './guard-rails';
export * from './help';
export * from './clocks';
