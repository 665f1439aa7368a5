// Talks to the real host over pipes, as a browser would (4-byte native-endian
// length + UTF-8 JSON). Used to seed a test's list store before a browser
// starts its own host on the same store.
import { spawn } from 'node:child_process';
import { CHROMIUM_ID } from './harness.mjs';

export async function withHost(hostPath, env, fn) {
  const child = spawn(hostPath, [`chrome-extension://${CHROMIUM_ID}/`], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = Buffer.alloc(0);
  const waiting = [];
  child.stdout.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 4) {
      const n = buf.readUInt32LE(0);
      if (buf.length < 4 + n) break;
      const msg = JSON.parse(buf.subarray(4, 4 + n).toString('utf8'));
      buf = buf.subarray(4 + n);
      waiting.shift()?.(msg);
    }
  });
  let id = 0;
  const request = (msg) => new Promise((resolve) => {
    waiting.push(resolve);
    const body = Buffer.from(JSON.stringify({ id: ++id, ...msg }));
    const head = Buffer.alloc(4);
    head.writeUInt32LE(body.length);
    child.stdin.write(Buffer.concat([head, body]));
  });
  try {
    return await fn(request);
  } finally {
    child.stdin.end();
    await new Promise((r) => child.once('exit', r));
  }
}

/** lists.put on a fresh or existing store, with the current revision. */
export async function seedList(hostPath, env, list) {
  return withHost(hostPath, env, async (request) => {
    const lists = await request({ type: 'lists.get' });
    return request({ type: 'lists.put', base_revision: lists.revision, ...list });
  });
}
