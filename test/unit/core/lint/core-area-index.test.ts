import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../..');
const eslint = new ESLint({ cwd: ROOT });

async function errorsOf(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'porchlight/core-area-index');
}

describe('lint: core areas import each other only through their public index', () => {
  it('rejects a deliberate import of another area’s internals', async () => {
    const errors = await errorsOf("import { classOfSsid } from '../wifi/scan-service.js';\nexport const f = classOfSsid;\n", 'main/core/network/lint-probe.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('main/core/network may import main/core/wifi only through its public index ("../wifi/index.js")');
  });

  it('rejects a re-export of another area’s internals from a nested folder too', async () => {
    const errors = await errorsOf("export { HomeModel } from '../../model/home-model.js';\n", 'main/core/checks/verifiers/lint-probe.ts');
    expect(errors).toHaveLength(1);
  });

  it('accepts the index, the same area, and the core’s shared root files', async () => {
    const code = [
      "import { classOfSsid } from '../wifi/index.js';",
      "import { deviceId } from './home-model.js';",
      "import type { Clock } from '../ports.js';",
      "import { PorchlightError } from '../errors.js';",
      'export const all = [classOfSsid, deviceId, PorchlightError] as const;',
      'export type C = Clock;',
      '',
    ].join('\n');
    expect(await errorsOf(code, 'main/core/model/lint-probe.ts')).toEqual([]);
  });
});
