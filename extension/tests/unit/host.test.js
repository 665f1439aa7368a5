// HostConnection (src/background/host.js) with a fake native port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostConnection } from '../../src/background/host.js';

function fakePort(behaviour) {
  const msgL = [];
  const discL = [];
  const port = {
    sent: [],
    error: null,
    disconnected: false,
    onMessage: { addListener: (f) => msgL.push(f) },
    onDisconnect: { addListener: (f) => discL.push(f) },
    postMessage(m) {
      this.sent.push(m);
      queueMicrotask(() => behaviour(m, (reply) => msgL.forEach((f) => f(reply)), port));
    },
    disconnect() {
      this.disconnected = true;
    },
    die(message) {
      port.error = { message };
      discL.forEach((f) => f(port));
    },
  };
  return port;
}

const hello = { type: 'hello', protocol: 1, version: '0.1.0', rules: 10, terms: 3 };
const goodHost = (m, reply) => {
  if (m.type === 'hello') reply({ id: m.id, ...hello });
  else if (m.type === 'analyze') reply({ id: m.id, type: 'result', revision: m.revision, findings: [] });
};

test('hello on connect, then requests are answered', async () => {
  const ports = [];
  const h = new HostConnection({ connectNative: () => { const p = fakePort(goodHost); ports.push(p); return p; } });
  const states = [];
  h.onStatus((s) => states.push(s.state));
  const r = await h.request({ type: 'analyze', domain: 'linkedin.com', text: 'x', revision: 3 });
  assert.equal(r.type, 'result');
  assert.equal(r.revision, 3);
  assert.equal(h.status.state, 'connected');
  assert.equal(h.status.version, '0.1.0');
  assert.deepEqual(states, ['connecting', 'connected']);
  assert.equal(ports.length, 1);
  assert.deepEqual(ports[0].sent.map((m) => m.id), [1, 2]);
});

test('a missing host is "not_installed" and requests fail fast', async () => {
  const h = new HostConnection({
    connectNative: () => {
      const p = fakePort(() => {});
      setTimeout(() => p.die('Specified native messaging host not found.'), 1);
      return p;
    },
  });
  const r = await h.request({ type: 'stats' });
  assert.equal(r.type, 'error');
  assert.equal(r.code, 'host_unavailable');
  assert.equal(h.status.state, 'unavailable');
  assert.equal(h.status.reason, 'not_installed');
});

test('Firefox reports the error on port.error', async () => {
  const h = new HostConnection({
    connectNative: () => {
      const p = fakePort(() => {});
      setTimeout(() => p.die('No such native application com.draftguard.host'), 1);
      return p;
    },
  });
  await h.connect();
  assert.equal(h.status.reason, 'not_installed');
});

test('a silent host times out instead of hanging', async () => {
  const h = new HostConnection({ connectNative: () => fakePort(() => {}) });
  const t0 = Date.now();
  const r = await h.send({ type: 'stats' }, 30);
  assert.equal(r.type, 'error');
  assert.equal(r.code, 'host_unavailable'); // not connected yet: no port
  h.port = fakePort(() => {});
  h.port.onMessage.addListener(() => {});
  const r2 = await h.send({ type: 'stats' }, 30);
  assert.equal(r2.code, 'timeout');
  assert.ok(Date.now() - t0 < 1000);
});

test('malformed replies become bad_reply errors', async () => {
  const h = new HostConnection({
    connectNative: () => fakePort((m, reply) => {
      if (m.type === 'hello') reply({ id: m.id, ...hello });
      else reply({ id: m.id, type: 'result', findings: [{ start: 'x' }] });
    }),
  });
  const r = await h.request({ type: 'analyze', text: 'x', revision: 1 });
  assert.equal(r.code, 'bad_reply');
});

test('a crash fails pending requests and reconnects with backoff while wanted', async () => {
  let n = 0;
  const ports = [];
  const h = new HostConnection({
    backoff: [5, 10],
    connectNative: () => {
      n += 1;
      const p = fakePort((m, reply, port) => {
        if (m.type === 'hello') reply({ id: m.id, ...hello });
        else if (n === 1) port.die('Native host has exited.');
        else goodHost(m, reply);
      });
      ports.push(p);
      return p;
    },
  });
  h.wanted = () => true;
  const r = await h.request({ type: 'analyze', text: 'x', revision: 1 });
  assert.equal(r.code, 'host_unavailable');
  assert.equal(h.status.state, 'unavailable');
  assert.equal(h.status.reason, 'crashed');
  await new Promise((res) => {
    h.onStatus((s) => s.state === 'connected' && res());
  });
  assert.equal(n, 2);
  const r2 = await h.request({ type: 'analyze', text: 'x', revision: 2 });
  assert.equal(r2.type, 'result');
});

test('no reconnect loop when nobody needs the host', async () => {
  let n = 0;
  const h = new HostConnection({
    backoff: [1],
    connectNative: () => {
      n += 1;
      const p = fakePort(() => {});
      setTimeout(() => p.die('Specified native messaging host not found.'), 1);
      return p;
    },
  });
  await h.connect();
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(n, 1);
});

test('a late reply to a timed-out request is ignored', async () => {
  const h = new HostConnection({
    connectNative: () => fakePort((m, reply) => {
      if (m.type === 'hello') reply({ id: m.id, ...hello });
      else setTimeout(() => reply({ id: m.id, type: 'ok' }), 40);
    }),
  });
  await h.connect();
  const r = await h.send({ type: 'stats' }, 10);
  assert.equal(r.code, 'timeout');
  await new Promise((res) => setTimeout(res, 60));
  assert.equal(h.pending.size, 0);
});
