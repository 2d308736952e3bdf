import { PorchlightError, type ErrorMessageCode } from '../errors.js';
import { lightMsg } from '../light-message.js';
import type { Message } from '../messages/index.js';

/**
 * Storage trouble versus damage. A file whose content cannot be parsed or does not fit its schema
 * is DAMAGED (kept aside, last good copy restored). A file system that refuses to read or write —
 * a full disk, a read-only mount, missing permission, an I/O error — is TROUBLE: nothing about the
 * file is wrong, so nothing is moved, restored or reset; the user is told what is wrong and
 * Porchlight changes nothing until it can write again.
 */

/** The errno-style code of a file-system error (ENOSPC, EROFS …), or null for anything else. */
export function storageErrorCode(err: unknown): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

/** Whether `err` is file-system trouble (not a content problem). */
export function isStorageTrouble(err: unknown): boolean {
  return storageErrorCode(err) !== null;
}

/** The kinds of trouble a person can act on; each has a notice (`store.trouble.*`) and an error (`error.storage.*`). */
type TroubleKind = 'disk-full' | 'read-only' | 'permission' | 'disk-error' | 'too-many-files' | 'other';

function troubleKind(errno: string | null): TroubleKind {
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EROFS':
      return 'read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'EIO':
      return 'disk-error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too-many-files';
    default:
      return 'other';
  }
}

/** The error for each kind (literal codes, so the catalog test finds their words). */
const TROUBLE_ERROR: Readonly<Record<TroubleKind, ErrorMessageCode>> = {
  'disk-full': 'error.storage.disk-full',
  'read-only': 'error.storage.read-only',
  permission: 'error.storage.permission',
  'disk-error': 'error.storage.disk-error',
  'too-many-files': 'error.storage.too-many-files',
  other: 'error.storage.other',
};

/**
 * What the trouble is, as a message (`store.trouble.*`, used in the stores' notices): the folder
 * is a param, the words are the catalogs'. Zod-free (lightMsg): the stores open on every command.
 */
export function describeStorageTrouble(err: unknown, dir: string): Message {
  const errno = storageErrorCode(err);
  const kind = troubleKind(errno);
  return lightMsg(`store.trouble.${kind}`, kind === 'other' ? { folder: dir, detail: errno ?? 'unknown error' } : { folder: dir });
}

/** The error a refused write throws: what happened, that nothing changed, what to do (a catalog code per kind of trouble). */
export function storageTroubleError(err: unknown, dir: string, what: string): PorchlightError {
  const errno = storageErrorCode(err);
  const kind = troubleKind(errno);
  const params = { folder: dir, document: what };
  return new PorchlightError('storage-unavailable', TROUBLE_ERROR[kind], kind === 'other' ? { ...params, detail: errno ?? 'unknown error' } : params, { cause: err });
}
