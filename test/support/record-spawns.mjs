// `node --import ./test/support/record-spawns.mjs …`: appends "spawn <program>" to the file named
// by PORCHLIGHT_RECORD_LOADS each time the program starts a child process (execFile or spawn), in
// the same file record-loads.mjs appends module URLs to, so a test can see what loaded before and
// after a child process started. The program's own `import { execFile } from 'node:child_process'`
// gets the recording functions (syncBuiltinESMExports updates the built-in's named exports).
import { appendFileSync } from 'node:fs';
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

for (const name of ['execFile', 'spawn']) {
  const original = childProcess[name];
  childProcess[name] = function recorded(file, ...rest) {
    if (process.env.PORCHLIGHT_RECORD_LOADS) appendFileSync(process.env.PORCHLIGHT_RECORD_LOADS, `spawn ${file}\n`);
    return original.call(this, file, ...rest);
  };
}
syncBuiltinESMExports();
