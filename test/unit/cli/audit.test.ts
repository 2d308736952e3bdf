import { describe, expect, it } from 'vitest';
import { auditExitCode, humanSummary, parseAuditFlags, STATUS_WORDS } from '../../../main/cli/audit.js';
import { UsageError } from '../../../main/cli/command.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../main/compose.js';
import type { Report } from '../../../main/core/report/report.js';

const golden = JSON.parse(readFileSync(join(APP_ROOT, 'test', 'golden', 'report-reaudit.json'), 'utf8')) as Report;

describe('porchlight audit: flags', () => {
  it('parses every documented flag', () => {
    expect(parseAuditFlags(['--json', '--html', 'r.html', '--pdf', 'r.pdf', '--interface', 'lo', '--gateway', '127.0.0.40', '--admin-port', '8080', '--seconds', '6', '--neighbors', 'n.txt'])).toEqual({
      json: true, html: 'r.html', pdf: 'r.pdf', iface: 'lo', gateway: '127.0.0.40', adminPort: 8080, seconds: 6, neighbors: 'n.txt',
    });
    expect(parseAuditFlags([])).toMatchObject({ json: false, iface: null, gateway: null });
  });

  it.each([
    [['--bogus']],
    [['--html']],
    [['--html', '--json']],
    [['--interface', 'lo', '--gateway', 'router.local']],
    [['--gateway', '127.0.0.1']],
    [['--interface', 'lo', '--gateway', '127.0.0.1', '--admin-port', '70000']],
    [['--admin-port', '80']],
    [['--seconds', 'soon']],
  ])('refuses %j as a usage error (exit 2)', (argv) => {
    expect(() => parseAuditFlags(argv)).toThrow(UsageError);
  });
});

describe('porchlight audit: exit code and text', () => {
  it('exits 0 only when every applicable check passes; warn, fail and unknown are findings', () => {
    const pass = { checks: [{ status: 'pass' }, { status: 'skipped' }] } as Report;
    expect(auditExitCode(pass)).toBe(0);
    for (const open of ['warn', 'fail', 'unknown'] as const) expect(auditExitCode({ checks: [{ status: 'pass' }, { status: open }] } as Report)).toBe(1);
    expect(auditExitCode(golden)).toBe(1);
  });

  it('prints the score, every check by its title with its status in words, the actions and the changes', () => {
    const text = humanSummary(golden);
    expect(text).toContain(`score ${golden.score}/100`);
    for (const c of golden.checks) expect(text).toContain(`${STATUS_WORDS[c.status].padEnd(10)}  ${c.title}: `);
    // No bracketed markers and no check ids as the label a person reads.
    expect(text).not.toMatch(/\[(?:\?\?\?\?|PASS|FAIL|WARN|SKIP)\]/);
    for (const c of golden.checks) expect(text).not.toMatch(new RegExp(`^\\s+\\S+\\s+${c.id.replace(/\./g, '\\.')}\\b`, 'm'));
    expect(text).toMatch(/^ {2}not known {3}/m);
    expect(text).toContain('Remaining actions, most important first:');
    expect(text).toContain('new devices: Plug & <Play>');
    expect(text).toContain('devices gone: Kitchen Echo');
    expect(text).toContain('Next re-audit due 2026-07-05.');
  });
});
