// An HTTP proxy for the privacy test: Chromium is started with every request (loopback included)
// routed through it, so it sees each host the browser tries to reach. It forwards only to the one
// allowed origin and refuses everything else (nothing here reaches another host).
import http from 'node:http';

/** @param {{ allow: string }} options allow: `host:port` that may be forwarded to */
export async function startLoggingProxy({ allow }) {
  /** @type {{ method: string, target: string }[]} */
  const seen = [];
  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    seen.push({ method: req.method ?? '', target });
    let url;
    try {
      url = new URL(target);
    } catch {
      res.writeHead(400).end('not a proxy request');
      return;
    }
    if (url.host !== allow) {
      res.writeHead(403).end('blocked by the test proxy');
      return;
    }
    const upstream = http.request(
      { host: url.hostname, port: url.port, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (error) => res.writeHead(502).end(String(error)));
    req.pipe(upstream);
  });
  // HTTPS and WebSocket attempts arrive as CONNECT: record and refuse them.
  server.on('connect', (req, socket) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    address: `127.0.0.1:${address.port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
