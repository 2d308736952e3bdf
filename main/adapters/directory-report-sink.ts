import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ReportSink } from '../core/ports.js';

/** Writes exported reports into one directory (the harness's profile, a user's Documents folder …). */
export class DirectoryReportSink implements ReportSink {
  constructor(private readonly dir: string) {}

  async save(fileName: string, bytes: Uint8Array): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, basename(fileName));
    await writeFile(path, bytes, { mode: 0o600 });
    return path;
  }
}
