// Zustand stores mirrored from extension storage, and the pure view of an order they feed.
export * from './items';
export * from './effective';
export * from './stores';
