import { describe, expect, it } from 'vitest';
import { DeviceRecordSchema } from '../../../../main/core/model/schema.js';
import { inventoryFromModel } from '../../../../main/core/audit/history-sources.js';
import { diffAudits } from '../../../../main/core/audit/diff.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SURVEY = '2026-04-06T10:00:00.000Z';
const device = (id: string, extra: Record<string, unknown>) =>
  DeviceRecordSchema.parse({ id, ip: null, mac: null, vendor: null, category: 'camera', names: [id], services: [], firstSeen: '2026-01-05T10:00:00.000Z', lastSeen: SURVEY, ...extra });

describe('the audit inventory keeps devices that moved to the IoT network', () => {
  it('lists a device marked to move even when the latest survey no longer saw it; drops one that is simply gone', () => {
    const home = {
      surveyedAt: SURVEY,
      devices: {
        seen: device('seen', {}),
        moved: device('moved', { moveToIot: true, lastSeen: '2026-04-01T10:00:00.000Z' }),
        gone: device('gone', { lastSeen: '2026-04-01T10:00:00.000Z' }),
        removed: device('removed', { moveToIot: true, removed: true }),
      },
    };
    expect(inventoryFromModel(home).map((d) => d.key)).toEqual(['moved', 'seen']);
  });

  it('the report marks the device the latest survey did not see, and no other', () => {
    const html = readFileSync(join(__dirname, '../../../golden/report-reaudit.html'), 'utf8');
    expect(html).toContain('<td><b>Garden camera</b> <span class="tag">not seen in the latest survey (last seen Jan 5, 2026');
    expect(html.match(/not seen in the latest survey/g)).toHaveLength(1);
  });

  it('a moved device that left the main network still counts as gone in the diff (it stays listed, not seen)', () => {
    const before = { surveyedAt: '2026-04-01T10:00:00.000Z', devices: { seen: device('seen', { lastSeen: '2026-04-01T10:00:00.000Z' }), moved: device('moved', { moveToIot: true, lastSeen: '2026-04-01T10:00:00.000Z' }) } };
    const after = { surveyedAt: SURVEY, devices: { seen: device('seen', {}), moved: device('moved', { moveToIot: true, lastSeen: '2026-04-01T10:00:00.000Z' }) } };
    const side = (home: typeof before, at: string) => ({ id: at, at, score: 50, checks: [], inventory: inventoryFromModel(home) });
    const d = diffAudits(side(before, '2026-04-01T10:00:00.000Z'), side(after, SURVEY));
    expect(d.goneDevices.map((x) => x.key)).toEqual(['moved']);
    expect(d.newDevices).toEqual([]);
    // and a second audit that again does not see it does not report it gone twice
    expect(diffAudits(side(after, SURVEY), side(after, SURVEY)).goneDevices).toEqual([]);
  });
});
