import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../..');
const eslint = new ESLint({ cwd: ROOT });

async function errorsOf(code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'renderer/components/lint-probe.tsx') });
  return result!.messages.filter((m) => m.ruleId === 'porchlight/no-jsx-literals');
}

describe('lint: no words written straight into JSX', () => {
  it('rejects JSX text, a string child, a template child and a literal aria-label', async () => {
    const code = [
      'export const A = () => <p>Something went wrong</p>;',
      "export const B = () => <p>{'Your note'}</p>;",
      'export const C = () => <p>{`Port ${1} is wrong`}</p>;',
      'export const D = () => <button type="button" aria-label="Close">x</button>;',
      '',
    ].join('\n');
    const errors = await errorsOf(code);
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 4]);
    expect(errors[0]!.message).toContain('Text "Something went wrong" is written into JSX');
  });

  it('accepts catalog text, punctuation and symbols', async () => {
    const code = [
      "declare const t: (k: string) => string;",
      "export const A = () => <p>{t('intro')} · ({t('term')}) ✓ — {' · '}</p>;",
      "export const B = () => <button type=\"button\" aria-label={t('close')}>×</button>;",
      '',
    ].join('\n');
    expect(await errorsOf(code)).toEqual([]);
  });
});
