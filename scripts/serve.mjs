// A small static file server for the page and the browser tests (no dependencies).
// Usage: node scripts/serve.mjs [--root www] [--port 8080] [--host 127.0.0.1] [--csp "policy"] [--cors]
// Serves files with correct types (application/wasm for instantiateStreaming),
// optionally with a Content-Security-Policy header (the embed tests) and CORS.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.d.ts': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

// `mounts` maps URL prefixes to other folders (the embed tests serve host pages
// beside the component); `csp` may be a function of the path, for per-page policies.
export function serve({ root = 'www', port = 8080, host = '127.0.0.1', csp = null, cors = false, headers = {}, mounts = {} } = {}) {
  const bases = [...Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]), ['/', resolve(root)]];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const [prefix, base] = bases.find(([p]) => url.pathname.startsWith(p));
      let path = normalize(join(base, decodeURIComponent(url.pathname.slice(prefix.length - 1))));
      if (!path.startsWith(base)) { res.writeHead(403).end(); return; }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      const h = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...headers };
      const policy = typeof csp === 'function' ? csp(url.pathname) : csp;
      if (policy) h['content-security-policy'] = policy;
      if (cors) h['access-control-allow-origin'] = '*';
      res.writeHead(200, h).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(arg('port', process.env.PORT ?? 8080));
  const host = arg('host', '127.0.0.1');
  const server = await serve({ root: arg('root', 'www'), port, host, csp: arg('csp', null), cors: process.argv.includes('--cors') });
  console.log(`Serving ${arg('root', 'www')} at http://${host}:${server.address().port}/ (Ctrl-C to stop)`);
}
