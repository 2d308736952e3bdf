/**
 * Prints every skipped test with its reason at the end of a run, so a log (CI, the README's test
 * command) shows *why* the electron project was skipped, not just that it was.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description ?? 'no reason given';
    const project = test.parent.project()?.name ?? '?';
    this.skipped.push(`  - [${project}] ${test.titlePath().slice(2).join(' › ')}: skipped — ${reason}`);
  }

  onEnd(): void {
    if (this.skipped.length === 0) return;
    process.stdout.write(`\nSkipped tests and why:\n${this.skipped.join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
