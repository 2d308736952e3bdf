import { describe, expect, it } from 'vitest';
import { dispatch, type SenderInfo } from '../../../../main/ipc/register.js';
import { fakeCore, tempDir } from '../../../support/fakes.js';
import { DirectoryReportSink } from '../../../../main/adapters/directory-report-sink.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const APP = 'app://porchlight';
const opts = { allowedOrigins: [APP] };
const good: SenderInfo = { origin: APP, isMainFrame: true };

describe('audit IPC channels', () => {
  it('status, preview, complete, history, report and plan answer within their schemas', async () => {
    const { core } = fakeCore();
    const status = await dispatch(core, 'audit:status', {}, good, opts);
    expect(status).toMatchObject({ ok: true, value: { audits: 0, state: 'never', nextDueAt: null, reauditRequested: false } });
    const preview = await dispatch(core, 'audit:preview', {}, good, opts);
    expect(preview.ok && (preview.value as { checks: unknown[] }).checks).toHaveLength(21);
    const done = await dispatch(core, 'audit:complete', { mode: 'first-time' }, good, opts);
    expect(done.ok).toBe(true);
    const id = (done as { value: { audit: { id: string } } }).value.audit.id;
    expect(await dispatch(core, 'audit:history', {}, good, opts)).toMatchObject({ ok: true, value: [{ id, mode: 'first-time', source: 'app' }] });
    expect(await dispatch(core, 'audit:report', { id }, good, opts)).toMatchObject({ ok: true, value: { audit: { id } } });
    expect(await dispatch(core, 'audit:plan-reaudit', {}, good, opts)).toMatchObject({ ok: true, value: { steps: ['survey', 'summary'] } });
    expect(await dispatch(core, 'audit:status', {}, good, opts)).toMatchObject({ ok: true, value: { audits: 1, state: 'scheduled', daysUntilDue: 90 } });
  });

  it('exports through the host sink and says where the file went', async () => {
    const { core } = fakeCore();
    const dir = tempDir();
    core.deps.reports = new DirectoryReportSink(dir);
    expect(await dispatch(core, 'audit:export', { format: 'json' }, good, opts)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await dispatch(core, 'audit:complete', { mode: 'first-time' }, good, opts);
    const r = await dispatch(core, 'audit:export', { format: 'json' }, good, opts);
    expect(r.ok).toBe(true);
    const { path, fileName } = (r as { value: { path: string; fileName: string } }).value;
    expect(path).toBe(join(dir, fileName));
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(2);
  });

  it.each([
    ['an unknown format', 'audit:export', { format: 'exe' }],
    ['a path as an audit id', 'audit:export', { format: 'html', id: '../../../../etc/passwd' }],
    ['an extra key', 'audit:export', { format: 'html', path: '/tmp/x' }],
    ['an unknown mode', 'audit:complete', { mode: 'sneaky' }],
    ['arguments to a no-argument channel', 'audit:status', { reset: true }],
    ['a prototype-pollution key', 'audit:report', JSON.parse('{"__proto__": {"polluted": true}, "id": "abcdefgh"}')],
    ['a huge id', 'audit:report', { id: 'a'.repeat(100_000) }],
  ])('refuses %s before it reaches the core', async (_label, channel, args) => {
    const { core, history } = fakeCore();
    const dir = tempDir();
    core.deps.reports = new DirectoryReportSink(dir);
    const r = await dispatch(core, channel, args, good, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(history.writes).toBe(0);
    expect(existsSync(join(dir, 'passwd'))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a PDF export when the host has no PDF printer', async () => {
    const { core } = fakeCore();
    core.deps.reports = new DirectoryReportSink(tempDir());
    await dispatch(core, 'audit:complete', { mode: 'first-time' }, good, opts);
    expect(await dispatch(core, 'audit:export', { format: 'pdf' }, good, opts)).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});
