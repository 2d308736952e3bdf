import { PorchlightError } from '../errors.js';
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

/**
 * What the trouble is, as a message (`store.trouble.*`, used in the stores' notices): the folder
 * is a param, the words are the catalogs'. Zod-free (lightMsg): the stores open on every command.
 */
export function describeStorageTrouble(err: unknown, dir: string): Message {
  const errno = storageErrorCode(err);
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return lightMsg('store.trouble.disk-full');
    case 'EROFS':
      return lightMsg('store.trouble.read-only', { folder: dir });
    case 'EACCES':
    case 'EPERM':
      return lightMsg('store.trouble.permission', { folder: dir });
    case 'EIO':
      return lightMsg('store.trouble.disk-error', { folder: dir });
    case 'EMFILE':
    case 'ENFILE':
      return lightMsg('store.trouble.too-many-files');
    default:
      return lightMsg('store.trouble.other', { folder: dir, detail: errno ?? 'unknown error' });
  }
}

/** The error a refused write throws: what happened, that nothing changed, what to do (a catalog code per kind of trouble). */
export function storageTroubleError(err: unknown, dir: string, what: string): PorchlightError {
  const errno = storageErrorCode(err);
  const params = { folder: dir, document: what };
  const options = { cause: err };
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new PorchlightError('storage-unavailable', 'error.storage.disk-full', params, options);
    case 'EROFS':
      return new PorchlightError('storage-unavailable', 'error.storage.read-only', params, options);
    case 'EACCES':
    case 'EPERM':
      return new PorchlightError('storage-unavailable', 'error.storage.permission', params, options);
    case 'EIO':
      return new PorchlightError('storage-unavailable', 'error.storage.disk-error', params, options);
    case 'EMFILE':
    case 'ENFILE':
      return new PorchlightError('storage-unavailable', 'error.storage.too-many-files', params, options);
    default:
      return new PorchlightError('storage-unavailable', 'error.storage.other', { ...params, detail: errno ?? 'unknown error' }, options);
  }
}
