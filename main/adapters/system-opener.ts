import { spawn } from 'node:child_process';
import type { ExternalOpener } from '../core/ports.js';
import { PorchlightError } from '../core/errors.js';

/**
 * Opens a link in the user's own web browser without Electron (browser mode): xdg-open on Linux,
 * open on macOS, the shell's start on Windows. Only https URLs the core has already vetted against
 * its allow-list arrive here; anything else is refused. The program runs detached, with no shell
 * (the URL is one argument), and its failure to start is reported instead of "opened".
 */
export class SystemOpener implements ExternalOpener {
  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  open(url: string): Promise<void> {
    if (!url.startsWith('https://')) return Promise.reject(new PorchlightError('refused', 'error.link.not-https'));
    const [cmd, args] =
      this.platform === 'darwin' ? ['open', [url]] : this.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : ['xdg-open', [url]];
    return new Promise((resolve, reject) => {
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
      child.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'ENOENT'
            ? new PorchlightError('not-found', 'error.link.no-opener', { url, program: cmd })
            : new PorchlightError('internal', 'error.link.not-opened', { url }),
        ),
      );
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
  }
}
