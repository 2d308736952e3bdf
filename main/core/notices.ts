import { lightMsg } from './light-message.js';
import type { Message } from './messages/index.js';

/**
 * Notices a host adds to the core's own (the stores' `store.notice.*`): messages, so the app and
 * the CLI word them in the reader's language like every other notice.
 */

/** Browser mode (the harness serving the app to a web browser): what works, what needs the desktop app, where reports go. */
export function browserModeNotice(reportsDir: string): Message {
  return lightMsg('notice.browser-mode', { folder: reportsDir });
}
