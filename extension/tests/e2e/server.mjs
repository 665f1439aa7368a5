// HTTPS server for the fixture pages, reached as https://www.linkedin.com/…
// through Chromium's --host-resolver-rules (or Firefox's
// network.dns.forceResolve). The self-signed certificate is made at test time
// with openssl, in the test's temporary folder.
import https from 'node:https';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '1', '-subj', '/CN=www.linkedin.com', '-addext', 'subjectAltName=DNS:www.linkedin.com,IP:127.0.0.1'], { stdio: 'ignore' });
  return { key, cert };
}

const ROUTES = [
  [/^\/feed\/update\//, 'post-comments.html'],
  [/^\/feed\/?$/, 'feed-quill.html'],
  [/^\/sharing\/compose\/?$/, 'compose-new.html'],
  [/^\/article\/new\/?$/, 'article-editor.html'],
  [/^\/fixture\.(js|css)$/, null],
];

/**
 * Starts the server. `state.ai` ('on'|'off') chooses which settings fixture
 * the AI-training page shows.
 * @returns {Promise<{port: number, state: {ai: string}, close: () => Promise<void>}>}
 */
export async function startServer(dir, { port = 0 } = {}) {
  const { key, cert } = makeCertificate(dir);
  const state = { ai: 'on' };
  const server = https.createServer({ key: await readFile(key), cert: await readFile(cert) }, async (req, res) => {
    const url = new URL(req.url, 'https://www.linkedin.com');
    let file = null;
    if (url.pathname.startsWith('/mypreferences/d/settings/data-for-ai-improvement')) file = `ai-settings-${state.ai}.html`;
    for (const [re, f] of ROUTES) if (!file && re.test(url.pathname)) file = f || url.pathname.slice(1);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not a fixture');
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    let body = await readFile(path.join(fixtures, file));
    // ?overlay=1 marks the page for the extension's test-only overlay hook.
    if (url.searchParams.get('overlay') === '1') body = Buffer.from(body.toString('utf8').replace('<html lang="en">', '<html lang="en" data-draftguard-test-force-overlay>'));
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    state,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}
