// The seeding helpers moved to scripts/lib/seed-evidence.ts (the benchmarks use them too).
export * from '../../scripts/lib/seed-evidence';
