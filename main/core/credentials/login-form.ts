import { ancestor, attr, elements, inertElements, parseHtml, textContent, visibleText, type HtmlElement } from '../html/index.js';

/** A login form found in an admin page: where to post and which fields carry what. */
export interface LoginForm {
  /** Absolute path (with query) the form submits to, on the same host. */
  action: string;
  method: 'GET' | 'POST';
  userField: string | null;
  passwordField: string;
  /** Hidden inputs (CSRF tokens and the like), sent back unchanged. */
  hidden: Record<string, string>;
  /** The page signs in through a script (onsubmit handler, unnamed password field): a plain POST cannot test it. */
  scripted: boolean;
}

const USER_NAME = /user|login|name|account|email|uid/i;
/** Scripts that transform the password before sending it: a plain POST would always be refused. */
const SCRIPTED_LOGIN = /\b(btoa|hex_md5|md5|sha1|sha256|sha512|CryptoJS|encrypt\w*|RSAKey|pbkdf2|hmac)\s*\(/i;

/** Input types a browser knows; any other value (or none) is a text field. */
const INPUT_TYPES = new Set(
  'hidden text search tel url email password date month week time datetime-local number range color checkbox radio file submit image reset button'.split(' '),
);

/** An input's type as a browser reads it: case-insensitive, unknown or missing means text. */
function inputType(el: HtmlElement): string {
  const t = (attr(el, 'type') ?? '').toLowerCase();
  return INPUT_TYPES.has(t) ? t : 'text';
}

const isPasswordInput = (el: HtmlElement) => el.tagName === 'input' && inputType(el) === 'password';

/**
 * The end of the stretch in which the parser points new controls at a form: its end tag, or for a
 * form the parser closed at once (a `<form>` opened inside a `<table>`, as older router pages do)
 * the next `</form>` in the source.
 */
function formPointerEnd(form: HtmlElement, src: string): number {
  const loc = form.sourceCodeLocation;
  if (!loc) return -1;
  if (loc.endTag) return loc.endTag.startOffset;
  const re = /<\/form[\s/>]/gi;
  re.lastIndex = loc.startTag?.endOffset ?? loc.endOffset;
  const m = re.exec(src);
  return m ? m.index : src.length;
}

/**
 * The form a control belongs to, as a browser associates it: the form named by its `form`
 * attribute, else the form it sits in, else the form the parser was filling when it met the
 * control (a form closed early inside a table keeps collecting the controls up to its `</form>`).
 */
function formOwner(el: HtmlElement, forms: readonly HtmlElement[], src: string): HtmlElement | null {
  const id = attr(el, 'form');
  if (id !== undefined) return forms.find((f) => attr(f, 'id') === id) ?? null;
  const inside = ancestor(el, 'form');
  if (inside) return inside;
  const at = el.sourceCodeLocation?.startOffset;
  if (at === undefined) return null;
  let owner: HtmlElement | null = null;
  for (const f of forms) {
    const start = f.sourceCodeLocation?.startOffset ?? Infinity;
    if (start < at && at < formPointerEnd(f, src)) owner = f;
  }
  return owner;
}

/** The form can be sent without script: it has a submit button or input (a button of unknown type submits). */
function hasSubmitControl(controls: readonly HtmlElement[]): boolean {
  return controls.some((el) => {
    if (el.tagName === 'input') return ['submit', 'image'].includes(inputType(el));
    if (el.tagName === 'button') return !['reset', 'button'].includes((attr(el, 'type') ?? '').toLowerCase());
    return false;
  });
}

/** True when the page shows a password input anywhere (not in a comment, a template or a no-script fallback): the server still asks for a password. */
export function hasPasswordField(html: string): boolean {
  for (const el of elements(parseHtml(html))) if (isPasswordInput(el)) return true;
  return false;
}

/**
 * True when the page holds a password input only a script would show: inside a `<template>` or
 * a `<noscript>` fallback. Such a page asks for a password, but not through a form a plain POST
 * can use.
 */
export function hasInertPasswordField(html: string): boolean {
  for (const el of inertElements(parseHtml(html))) if (isPasswordInput(el)) return true;
  return false;
}

function resolvePath(action: string, pagePath: string): string | null {
  try {
    const u = new URL(action || pagePath, `http://placeholder${pagePath}`);
    if (u.host !== 'placeholder') return null; // a form posting to another host is never followed
    return `${u.pathname}${u.search}`;
  } catch {
    return null;
  }
}

/**
 * Finds the first form holding a password input (or a bare password input, posted to the page
 * itself). Returns null when there is none or the form posts to another host. The page is parsed
 * as a browser parses it: forms in comments, templates or no-script fallbacks are not forms.
 */
export function findLoginForm(html: string, pagePath: string): LoginForm | null {
  const src = html.slice(0, 512 * 1024);
  const doc = parseHtml(src);
  const all = [...elements(doc)];
  const forms = all.filter((el) => el.tagName === 'form');
  const controls = all.filter((el) => el.tagName === 'input' || el.tagName === 'button');
  const owners = new Map(controls.map((c) => [c, formOwner(c, forms, src)]));
  const owned = (f: HtmlElement) => controls.filter((c) => owners.get(c) === f);
  const withPassword = forms.find((f) => owned(f).some(isPasswordInput));
  const scope = withPassword ? owned(withPassword) : controls.some(isPasswordInput) ? controls : null;
  if (scope === null) return null;
  const fa = (name: string) => (withPassword ? attr(withPassword, name) : undefined);
  // a browser submits to the page itself when the action is missing or empty
  const action = resolvePath((fa('action') ?? '').trim(), pagePath);
  if (action === null) return null;
  const inputs = scope.filter((el) => el.tagName === 'input');
  const pass = inputs.find(isPasswordInput);
  const passwordField = (pass && attr(pass, 'name')) ?? '';
  const textual = inputs.filter((el) => ['text', 'email'].includes(inputType(el)) && attr(el, 'name'));
  const user = textual.find((el) => USER_NAME.test(attr(el, 'name')!) || USER_NAME.test(attr(el, 'id') ?? '')) ?? textual[0] ?? null;
  const hidden: Record<string, string> = {};
  for (const el of inputs) {
    const name = attr(el, 'name');
    if (inputType(el) === 'hidden' && name) hidden[name] = attr(el, 'value') ?? '';
  }
  const scripts = all.filter((el) => el.tagName === 'script');
  return {
    action,
    method: (fa('method') ?? 'post').trim().toLowerCase() === 'get' ? 'GET' : 'POST',
    userField: (user && attr(user, 'name')) ?? null,
    passwordField,
    hidden,
    scripted:
      passwordField === '' ||
      fa('onsubmit') !== undefined ||
      (withPassword === undefined && forms.length === 0 && scripts.length > 0) ||
      (withPassword !== undefined && !hasSubmitControl(scope)) ||
      SCRIPTED_LOGIN.test(scripts.map((el) => textContent(el)).join('\n')),
  };
}

/** How many password inputs the page shows (a "set a new password" page has two or more). */
export function passwordFieldCount(html: string): number {
  let n = 0;
  for (const el of elements(parseHtml(html))) if (isPasswordInput(el)) n++;
  return n;
}

/** Visible text of a page (scripts, styles, templates, comments and tags dropped, whitespace squashed, bounded). */
export function pageText(html: string): string {
  return visibleText(parseHtml(html, 64 * 1024));
}

/**
 * Messages admin pages show when a login failed, in the words real firmware uses ("The username or
 * password is incorrect", "Invalid username and/or password!", "Login failed", "Authentication
 * failed", "User Name or Password is incorrect", "Access denied").
 */
const FAILED_LOGIN = [
  /\b(?:invalid|incorrect|wrong|bad|unknown)\b[^.!?]{0,40}?\b(?:password|passwd|passcode|pin|user ?name|user|credentials?|login)\b/i,
  /\b(?:password|passwd|user ?name|credentials?|login)\b[^.!?]{0,40}?\b(?:is|are|was|were)\s+(?:incorrect|invalid|wrong|not (?:correct|valid|recogni[sz]ed))\b/i,
  /\b(?:login|log-in|log in|logon|sign[- ]?in|authentication|authorization|auth)\s+(?:has\s+)?(?:failed|failure|error|unsuccessful|denied|incorrect|invalid)\b/i,
  /\baccess denied\b/i,
];

/** The login-failure message a page shows, or null. */
export function loginFailureMessage(html: string): string | null {
  const text = pageText(html);
  for (const re of FAILED_LOGIN) {
    const m = re.exec(text);
    if (m) return m[0].slice(0, 80);
  }
  return null;
}

/**
 * The URL of a refresh declaration (`content` of a `<meta http-equiv="refresh">`), read with the
 * HTML standard's declarative-refresh steps: a delay, then `;` or `,`, then an optional `url=`
 * (any case, spaces around `=`), then the URL, optionally quoted. Returns '' for a refresh of the
 * same page and null for a declaration a browser ignores.
 */
export function refreshUrl(content: string): string | null {
  const ws = /[\t\n\f\r ]/;
  let i = 0;
  const skipWs = () => {
    while (i < content.length && ws.test(content[i]!)) i++;
  };
  skipWs();
  const digitsFrom = i;
  while (i < content.length && /[0-9]/.test(content[i]!)) i++;
  if (i === digitsFrom && content[i] !== '.') return null;
  while (i < content.length && /[0-9.]/.test(content[i]!)) i++;
  if (i < content.length) {
    if (!/[;,\t\n\f\r ]/.test(content[i]!)) return null;
    skipWs();
    if (content[i] === ';' || content[i] === ',') i++;
    skipWs();
  }
  if (i >= content.length) return '';
  let url = content.slice(i);
  // the URL parser drops leading and trailing C0 controls and spaces
  const parse = () => {
    let a = 0;
    let b = url.length;
    while (a < b && url.charCodeAt(a) <= 0x20) a++;
    while (b > a && url.charCodeAt(b - 1) <= 0x20) b--;
    return url.slice(a, b);
  };
  if (!/[uU]/.test(content[i]!)) return skipQuotes();
  i++;
  if (!/[rR]/.test(content[i] ?? '')) return parse();
  i++;
  if (!/[lL]/.test(content[i] ?? '')) return parse();
  i++;
  skipWs();
  if (content[i] !== '=') return parse();
  i++;
  skipWs();
  return skipQuotes();

  function skipQuotes(): string {
    const quote = content[i] === '"' || content[i] === "'" ? content[i++] : '';
    url = content.slice(i);
    if (quote && url.includes(quote)) url = url.slice(0, url.indexOf(quote));
    return parse();
  }
}

/**
 * The same-host target of a `<meta http-equiv="refresh" content="0; url=…">` (OpenWrt's start page
 * sends the browser to /cgi-bin/luci/ this way), as a path; null when there is none, it refreshes
 * the same page, or it leaves the host. The first declaration a browser accepts counts.
 */
export function metaRefreshTarget(html: string, pagePath: string): string | null {
  for (const el of elements(parseHtml(html, 64 * 1024))) {
    if (el.tagName !== 'meta' || (attr(el, 'http-equiv') ?? '').trim().toLowerCase() !== 'refresh') continue;
    const url = refreshUrl(attr(el, 'content') ?? '');
    if (url === null) continue;
    return url === '' ? null : resolvePath(url, pagePath);
  }
  return null;
}
