// The real-Chromium harness lives in scripts/lib so the demo and the benchmarks share it.
export * from '../../scripts/lib/browser';
