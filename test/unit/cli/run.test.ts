import { describe, expect, it } from 'vitest';
import { runCli, helpText } from '../../../main/cli/run.js';
import { commands } from '../../../main/cli/commands.js';
import { appVersion } from '../../../main/compose.js';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('porchlight command line', () => {
  it('--help lists every command with its usage and the exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['wifi', 'survey', 'defaults', 'audit']) expect(r.out).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
    expect(r.out).toContain('Exit codes: 0 all pass, 1 findings, 2 error.');
    expect(r.out).toBe(helpText());
  });

  it('--version prints the package version', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, out: `${appVersion()}\n` });
    expect(appVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('no command prints help and exits 2; an unknown command is a clear error with exit 2', async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });

  it('every command answers --help with its usage', async () => {
    for (const c of commands) {
      const r = await run([c.name, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(c.usage);
    }
  });
});

describe('errors on the command line', () => {
  it('prints a PorchlightError through the formatter in the CLI language, also where no English log words are registered', async () => {
    const { cliErrorText } = await import('../../../main/cli/command.js');
    const { PorchlightError, setErrorLogWords } = await import('../../../main/core/errors.js');
    setErrorLogWords(null); // the light path (`wifi scan --json`) composes no core
    try {
      const err = new PorchlightError('not-found', 'error.tool-missing', { tool: 'nmcli' });
      expect(err.message).toBe('error.tool-missing (tool: nmcli)');
      expect(await cliErrorText(err)).toBe('The helper program nmcli is not installed on this computer. Install it, then try again.');
      expect(await cliErrorText(new Error('plain'))).toBe('plain');
    } finally {
      const { createMessageFormatter } = await import('../../../main/core/messages/index.js');
      const en = (await import('../../../renderer/i18n/en/messages.json', { with: { type: 'json' } })).default;
      const f = createMessageFormatter({ en });
      setErrorLogWords((m) => f.format(m));
    }
  });
});
