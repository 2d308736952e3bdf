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

const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[e] ?? _m);

/** Attributes of one start tag, names lower-cased; tolerant of unquoted and valueless attributes. */
export function tagAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const body = tag.replace(/^<\s*[a-zA-Z0-9]+/, '').replace(/\/?>$/, '');
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  for (const m of body.matchAll(re)) attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

const USER_NAME = /user|login|name|account|email|uid/i;
/** Scripts that transform the password before sending it: a plain POST would always be refused. */
const SCRIPTED_LOGIN = /\b(btoa|hex_md5|md5|sha1|sha256|sha512|CryptoJS|encrypt\w*|RSAKey|pbkdf2|hmac)\s*\(/i;

const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((m) => m[1]).join('\n');

/** The form can be sent without script: it has a submit button or input. */
function hasSubmitControl(form: string): boolean {
  if (/<input\b[^>]*\btype\s*=\s*["']?(submit|image)\b/i.test(form)) return true;
  return [...form.matchAll(/<button\b[^>]*>/gi)].some((m) => {
    const type = tagAttributes(m[0]).type?.toLowerCase();
    return type === undefined || type === '' || type === 'submit';
  });
}

/** True when the page contains a password input anywhere: the server still asks for a password. */
export function hasPasswordField(html: string): boolean {
  return /<input\b[^>]*\btype\s*=\s*["']?password\b/i.test(html);
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
 * itself). Returns null when there is none or the form posts to another host.
 */
export function findLoginForm(html: string, pagePath: string): LoginForm | null {
  const src = html.slice(0, 512 * 1024);
  const forms = [...src.matchAll(/<form\b[^>]*>[\s\S]*?(?:<\/form\s*>|$)/gi)].map((m) => m[0]);
  const withPassword = forms.find(hasPasswordField);
  const scope = withPassword ?? (hasPasswordField(src) ? src : null);
  if (scope === null) return null;
  const formTag = withPassword ? (/^<form\b[^>]*>/i.exec(withPassword)?.[0] ?? '<form>') : '<form>';
  const fa = tagAttributes(formTag);
  const action = resolvePath(fa.action ?? '', pagePath);
  if (action === null) return null;
  const inputs = [...scope.matchAll(/<input\b[^>]*>/gi)].map((m) => tagAttributes(m[0]));
  const pass = inputs.find((a) => (a.type ?? '').toLowerCase() === 'password');
  const passwordField = pass?.name ?? '';
  const textual = inputs.filter((a) => ['text', 'email', ''].includes((a.type ?? '').toLowerCase()) && a.name);
  const user = textual.find((a) => USER_NAME.test(a.name!) || USER_NAME.test(a.id ?? '')) ?? textual[0] ?? null;
  const hidden: Record<string, string> = {};
  for (const a of inputs) if ((a.type ?? '').toLowerCase() === 'hidden' && a.name) hidden[a.name] = a.value ?? '';
  return {
    action,
    method: (fa.method ?? 'post').toLowerCase() === 'get' ? 'GET' : 'POST',
    userField: user?.name ?? null,
    passwordField,
    hidden,
    scripted:
      passwordField === '' ||
      'onsubmit' in fa ||
      (withPassword === undefined && forms.length === 0 && /<script/i.test(src)) ||
      (withPassword !== undefined && !hasSubmitControl(withPassword)) ||
      SCRIPTED_LOGIN.test(scriptsOf(src)),
  };
}

/** How many password inputs the page holds (a "set a new password" page has two or more). */
export function passwordFieldCount(html: string): number {
  return (html.slice(0, 512 * 1024).match(/<input\b[^>]*\btype\s*=\s*["']?password\b/gi) ?? []).length;
}

/** Visible text of a page (scripts, styles and tags dropped, whitespace squashed, bounded). */
export function pageText(html: string): string {
  return html
    .slice(0, 64 * 1024)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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
 * The same-host target of a `<meta http-equiv="refresh" content="0; url=…">` (OpenWrt's start page
 * sends the browser to /cgi-bin/luci/ this way), as a path; null when there is none or it leaves the host.
 */
export function metaRefreshTarget(html: string, pagePath: string): string | null {
  for (const m of html.slice(0, 64 * 1024).matchAll(/<meta\b[^>]*>/gi)) {
    const a = tagAttributes(m[0]);
    if ((a['http-equiv'] ?? '').toLowerCase() !== 'refresh') continue;
    const url = /url\s*=\s*['"]?([^'"\s;]+)/i.exec(a.content ?? '')?.[1];
    if (!url) continue;
    return resolvePath(url, pagePath);
  }
  return null;
}
