import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serves the built game as any static host would, with /config.json answered from
 * `config`, the way a deployment points the same build at its own server. Text goes gzipped to
 * a browser that accepts it, as hosts send it (what a throttled network's load time rests on).
 */
export async function serveStatic(root: string, config: object) {
  const gzipped = new Map<string, Buffer>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/config.json") {
      res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store" });
      res.end(JSON.stringify(config));
      return;
    }
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(root, "index.html");
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const text = /^(text\/|application\/(json|manifest)|image\/svg)/.test(type);
    if (text && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      let body = gzipped.get(file);
      if (!body) {
        body = gzipSync(fs.readFileSync(file));
        gzipped.set(file, body);
      }
      res.writeHead(200, {
        "content-type": type,
        "content-encoding": "gzip",
        vary: "accept-encoding",
      });
      res.end(body);
      return;
    }
    res.writeHead(200, { "content-type": type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
