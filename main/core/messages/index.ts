/** Message codes with parameters: the only way reasons, evidence and next actions leave the core. */
export { MessageSchema, MessageParamSchema, MessageValueSchema, msg, userText, isUserText, NOT_CHECKED_YET, MESSAGE_CODE, RESERVED_PARAMS, StoredTextSchema, toMessage, hasText, userTextOf, plainTextOf } from './message.js';
export type { Message, MessageParam, MessageParams, StoredText } from './message.js';
export { createMessageFormatter, formatWith, formatDay, NO_WORDS_CODE, PLAIN_FORMATTER, TERM_PARAMS, resolveTerms } from './format.js';
export type { MessageCatalog, MessageFormatter } from './format.js';
export { LANGUAGES, LANGUAGE_CHOICES, isLanguage, pickLanguage, resolveLanguage, nodeSystemLanguages } from './languages.js';
export type { Language, LanguageChoice } from './languages.js';
