import { PorchlightError } from '../errors.js';

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

/** What the trouble is, in plain words first (used in notices and errors). */
export function describeStorageTrouble(err: unknown, dir: string): string {
  switch (storageErrorCode(err)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'Your disk is full';
    case 'EROFS':
      return `Porchlight cannot write its folder ${dir} (the disk is read-only)`;
    case 'EACCES':
    case 'EPERM':
      return `Porchlight cannot write its folder ${dir} (permission denied)`;
    case 'EIO':
      return `Porchlight cannot use its folder ${dir} (the disk reported a read or write error)`;
    case 'EMFILE':
    case 'ENFILE':
      return 'Porchlight has too many files open';
    default:
      return `Porchlight cannot use its folder ${dir} (${storageErrorCode(err) ?? 'unknown error'})`;
  }
}

/** The error a refused write throws: what happened, that nothing changed, what to do. */
export function storageTroubleError(err: unknown, dir: string, what: string): PorchlightError {
  const code = storageErrorCode(err);
  const todo = code === 'ENOSPC' || code === 'EDQUOT' ? 'Free some space, then try again.' : 'Check the folder and its permissions, then try again.';
  return new PorchlightError('storage-unavailable', `${describeStorageTrouble(err, dir)} — Porchlight changed nothing (the change to ${what} was not saved). ${todo}`, { cause: err });
}
