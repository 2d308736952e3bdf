// `node --import ./test/support/record-loads.mjs …`: appends the URL of every module the program
// loads to the file named by PORCHLIGHT_RECORD_LOADS (one per line). Node's own module hooks, used
// by the test that keeps `porchlight wifi scan --json` from loading what it does not use.
import { register } from 'node:module';

const hook = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.PORCHLIGHT_RECORD_LOADS) appendFileSync(process.env.PORCHLIGHT_RECORD_LOADS, r.url + '\\n');
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
