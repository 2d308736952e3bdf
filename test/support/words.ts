/** The English words of a core message, as the report and the app show them (for assertions). */
import { createMessageFormatter, type Message } from '../../main/core/messages/index.js';
import messagesEn from '../../renderer/i18n/en/messages.json' with { type: 'json' };

const formatter = createMessageFormatter({ en: messagesEn });

export function words(message: Message | null | undefined): string {
  return formatter.format(message);
}

/** The English formatter every real host wires (main/compose.ts), for cores built in tests. */
export const ENGLISH_MESSAGES = formatter;
