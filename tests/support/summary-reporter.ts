import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line after vitest's own summary, so the last line of every test run says how
 * many tests passed (CI logs are read from the bottom).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const verdict = failed === 0 && errors.length === 0 && modules.every((m) => m.state() !== 'failed') ? 'OK' : 'FAILED';
    // The closing line has the plain "N passed, N failed[, N skipped]" shape that CI logs are read for.
    const detail = `${modules.length} test files${errors.length ? `, ${errors.length} unhandled errors` : ''}`;
    process.stdout.write(`\n(${detail})\n${verdict}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
