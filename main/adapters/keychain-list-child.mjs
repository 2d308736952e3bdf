// The keychain listing, in its own process (see keychain-lister.ts for why). Plain JavaScript so
// it runs as it is under Node (the CLI, the harness, tests) and as an Electron utility process.
// It answers each request {id, service} with {id, accounts} or {id, error}; it never sends a
// secret (keytar's findCredentials reads them; only the account names leave this process).
// If libsecret crashes this process, the parent sees it exit and asks a fresh one.
const port = process.parentPort ?? process;
const reply = (msg) => (process.parentPort ? process.parentPort.postMessage(msg) : process.send(msg));
const keytar = import('keytar').then((m) => m.default ?? m);

port.on('message', async (event) => {
  const msg = event && typeof event === 'object' && 'data' in event && process.parentPort ? event.data : event;
  const id = msg?.id;
  try {
    const creds = await (await keytar).findCredentials(String(msg.service));
    reply({ id, accounts: creds.map((c) => c.account) });
  } catch (err) {
    const error = String(err?.message ?? err).slice(0, 300);
    reply({ id, error });
  }
});
// Node child: leave when the parent goes away.
if (!process.parentPort) process.on('disconnect', () => process.exit(0));
