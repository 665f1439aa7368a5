// The connection to the native host.
//
// Design decision: the host may be missing, crash, hang or answer garbage,
// and the browser tells us little (a dropped malformed message is silent), so
// every request carries its own timeout and every failure becomes a typed
// error {code, message} — callers never wait forever and never see an
// exception. The connection is opened lazily, re-opened with exponential
// backoff while someone still needs it, and reports its state to listeners
// (the chip says "not checked", the popup shows the install command).
// `connectNative` is injected so tests/unit/host.test.js drives it with a
// fake port.

import { HOST_NAME, parseReply, request as build } from '../protocol.js';

export const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000];
export const HELLO_TIMEOUT_MS = 3000;
export const DEFAULT_TIMEOUT_MS = 5000;

function classify(message) {
  const m = (message || '').toLowerCase();
  if (m.includes('not found') || m.includes('no such native application')) return 'not_installed';
  if (m.includes('forbidden')) return 'forbidden';
  if (m.includes('exited') || m.includes('error when communicating')) return 'crashed';
  return 'crashed';
}

export class HostConnection {
  /**
   * @param {{connectNative: (name: string) => any, lastError?: () => any,
   *   setTimer?: Function, clearTimer?: Function, backoff?: number[]}} deps
   */
  constructor({ connectNative, lastError = () => undefined, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (t) => clearTimeout(t), backoff = BACKOFF_MS }) {
    this.connectNative = connectNative;
    this.lastError = lastError;
    this.setTimer = setTimer;
    this.clearTimer = clearTimer;
    this.backoff = backoff;
    this.port = null;
    this.nextId = 1;
    this.pending = new Map(); // id → {resolve, timer}
    this.status = { state: 'connecting' };
    this.listeners = new Set();
    this.attempt = 0;
    this.retryTimer = null;
    this.ready = null; // Promise of the hello on the current port
    this.wanted = () => false; // does anyone still need the host? (set by the background)
  }

  onStatus(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setStatus(status) {
    this.status = status;
    for (const fn of this.listeners) fn(status);
  }

  /** Opens the port (if needed) and resolves once `hello` answered. */
  connect() {
    if (this.ready) return this.ready;
    if (this.retryTimer !== null) {
      this.clearTimer(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.status.state !== 'connected') this.setStatus({ ...this.status, state: 'connecting' });
    let port;
    try {
      port = this.connectNative(HOST_NAME);
    } catch (e) {
      this.failed({ reason: 'not_installed', error: String(e && e.message ? e.message : e) });
      return Promise.resolve(false);
    }
    this.port = port;
    port.onMessage.addListener((msg) => this.onMessage(port, msg));
    port.onDisconnect.addListener((p) => {
      // Chromium reports in runtime.lastError, Firefox in port.error.
      const err = (p && p.error) || this.lastError();
      this.onDisconnect(port, err && err.message ? err.message : 'Native host has exited.');
    });
    this.ready = this.send(build.hello(), HELLO_TIMEOUT_MS).then((reply) => {
      if (this.port !== port) return false;
      if (reply.type === 'hello') {
        this.attempt = 0;
        const { version, rules, terms, store, protocol, org } = reply;
        this.setStatus({ state: 'connected', version, rules, terms, store, protocol, ...(org ? { org } : {}) });
        return true;
      }
      const reason = reply.code === 'timeout' ? 'timeout' : reply.code === 'forbidden_origin' ? 'forbidden' : 'protocol';
      this.drop(port, reply.message || reply.code);
      this.failed({ reason, error: reply.message || reply.code });
      return false;
    });
    return this.ready;
  }

  /** Sends a request on the current port; resolves to a validated reply or {type:'error', code, message}. */
  send(msg, timeoutMs = DEFAULT_TIMEOUT_MS) {
    const port = this.port;
    if (!port) return Promise.resolve({ type: 'error', code: 'host_unavailable', message: this.status.error || 'host not connected' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = this.setTimer(() => {
        this.pending.delete(id);
        resolve({ type: 'error', code: 'timeout', message: `no reply from the host in ${timeoutMs} ms` });
      }, timeoutMs);
      this.pending.set(id, { resolve, timer, port });
      try {
        port.postMessage({ id, ...msg });
      } catch (e) {
        this.clearTimer(timer);
        this.pending.delete(id);
        resolve({ type: 'error', code: 'host_unavailable', message: String(e && e.message ? e.message : e) });
      }
    });
  }

  /** connect() then send(); the usual entry point. */
  async request(msg, timeoutMs = DEFAULT_TIMEOUT_MS) {
    const ok = await this.connect();
    if (!ok) return { type: 'error', code: 'host_unavailable', message: this.status.error || 'host unavailable' };
    return this.send(msg, timeoutMs);
  }

  onMessage(port, msg) {
    if (port !== this.port) return;
    const entry = msg && this.pending.get(msg.id);
    if (!entry) return; // a late answer to a timed-out request
    this.pending.delete(msg.id);
    this.clearTimer(entry.timer);
    const parsed = parseReply(msg);
    entry.resolve(parsed.ok ? parsed.reply : { type: 'error', ...parsed.error });
  }

  onDisconnect(port, message) {
    if (port !== this.port) return;
    this.drop(port, message);
    this.failed({ reason: classify(message), error: message });
  }

  /** Forgets `port` and fails its pending requests. */
  drop(port, message = 'host disconnected') {
    if (this.port === port) {
      this.port = null;
      this.ready = null;
    }
    try {
      port.disconnect();
    } catch {
      // already closed
    }
    for (const [id, entry] of this.pending) {
      if (entry.port !== port) continue;
      this.pending.delete(id);
      this.clearTimer(entry.timer);
      entry.resolve({ type: 'error', code: 'host_unavailable', message });
    }
  }

  failed({ reason, error }) {
    this.setStatus({ state: 'unavailable', reason, error });
    this.scheduleRetry();
  }

  /** Reconnects with backoff while anyone still needs the host. */
  scheduleRetry() {
    if (this.retryTimer !== null || !this.wanted()) return;
    const delay = this.backoff[Math.min(this.attempt, this.backoff.length - 1)];
    this.attempt += 1;
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      if (this.wanted() && !this.ready) this.connect();
    }, delay);
  }

  /** Retry now (the popup's button, or after the user installed the host). */
  retryNow() {
    this.attempt = 0;
    if (this.retryTimer !== null) {
      this.clearTimer(this.retryTimer);
      this.retryTimer = null;
    }
    return this.connect();
  }
}
