/**
 * The notices the app opens with (browser mode; a damaged, unreadable or unwritable file) are worded
 * on the first screen, before i18next and the core's whole message catalog arrive: from the
 * catalog's start-up part (`messages.json?startup`, vite.config.ts), read by the first screen's own
 * translations (renderer/i18n/runtime.ts). Each is worded exactly as the core words it (the report's
 * and the CLI's formatter, over the whole catalog). A notice that cannot be worded yet is not shown
 * at all: never an empty box with only "Dismiss message" in it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { NoticeList, type Notice } from '../../../renderer/components/notice-list';
import { hasCatalog, setLanguage } from '../../../renderer/i18n/runtime';
import { browserModeNotice } from '../../../main/core/notices';
import { lightMsg } from '../../../main/core/light-message';
import { describeStorageTrouble } from '../../../main/core/store/storage-trouble';
import { openProfileStores } from '../../../main/adapters/profile';
import { createMessageFormatter, type Message } from '../../../main/core/messages/index.js';
import messagesDe from '../../../renderer/i18n/de/messages.json' with { type: 'json' };
import { tempDir } from '../../support/fakes';
import { words } from '../../support/words';

afterAll(() => setLanguage('en'));

/** Real start-up notices: browser mode, and what the real stores say about damaged files. */
function startupMessages(): Message[] {
  const dir = tempDir();
  openProfileStores(dir).settings.write(openProfileStores(dir).settings.read());
  writeFileSync(join(dir, 'settings.json'), '{"theme": "li');
  writeFileSync(join(dir, 'progress.json'), '\u0000garbage');
  writeFileSync(join(dir, 'progress.last-good.json'), 'also garbage');
  const stores = openProfileStores(dir);
  const fromStores = [...stores.settings.notices, ...stores.progress.notices];
  expect(fromStores.map((m) => m.code).sort()).toEqual(['store.notice.afresh', 'store.notice.restored']);
  return [
    browserModeNotice('/home/sam/Documents/Porchlight'),
    ...fromStores,
    lightMsg('store.notice.cannot-save', { trouble: describeStorageTrouble(Object.assign(new Error('read-only'), { code: 'EROFS' }), dir) }),
  ];
}

const asNotices = (messages: Message[]): Notice[] => messages.map((message, i) => ({ id: `core-${i}`, text: '', message, tone: 'info' }));
/** The paragraphs of the rendered notices, as text. */
const paragraphs = (html: string) => [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]!.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&amp;', '&'));

describe('start-up notices on the first screen', () => {
  const messages = startupMessages();

  it('are worded before the whole message catalog is there, exactly as the core words them', () => {
    expect(hasCatalog('messages')).toBe(false);
    const html = renderToStaticMarkup(<NoticeList notices={asNotices(messages)} onDismiss={() => {}} />);
    expect(paragraphs(html)).toEqual(messages.map((m) => words(m)));
    expect(html).not.toMatch(/\{\{|store\.|notice\./);
  });

  it('in the chosen language too (German: its start-up part loads with its first-screen catalogs)', async () => {
    await setLanguage('de');
    const german = createMessageFormatter({ en: messagesDe as never });
    const html = renderToStaticMarkup(<NoticeList notices={asNotices(messages)} onDismiss={() => {}} />);
    expect(paragraphs(html)).toEqual(messages.map((m) => german.format(m)));
    expect(paragraphs(html)[0]).toMatch(/^Browsermodus: /);
    expect(paragraphs(html)[0]).not.toBe(words(messages[0]));
    await setLanguage('en');
  });

  it('a notice that cannot be worded yet is not shown (no empty box); the others are', () => {
    const later = lightMsg('wifi.reading.netsh-unreadable', { said: 'x' });
    const html = renderToStaticMarkup(<NoticeList notices={asNotices([later, messages[0]!])} onDismiss={() => {}} />);
    expect(html.match(/class="notice notice-info"/g)).toHaveLength(1);
    expect(html).toContain('data-notice-id="core-1"');
    expect(html).not.toContain('data-notice-id="core-0"');
    expect(paragraphs(html)).toEqual([words(messages[0])]);
  });
});
