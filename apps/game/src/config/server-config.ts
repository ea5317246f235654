import * as z from "zod/mini";

/** Where the Nakama server is. Defaults suit `npm start`; see serverConfigFrom for overrides. */
export const ServerConfig = z.object({
  host: z.string(),
  port: z.string(),
  useSSL: z.boolean(),
  serverKey: z.string(),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

const buildTime: ServerConfig = {
  host: import.meta.env.VITE_NAKAMA_HOST ?? "127.0.0.1",
  port: import.meta.env.VITE_NAKAMA_PORT ?? "7350",
  useSSL: (import.meta.env.VITE_NAKAMA_SSL ?? "false") === "true",
  serverKey: import.meta.env.VITE_NAKAMA_KEY ?? "defaultkey",
};

/**
 * Precedence, later wins: build-time VITE_NAKAMA_* variables, then `config.json` served next
 * to index.html (edit it to point a built site at another server), then URL parameters
 * (`?nakama_host=…&nakama_port=…&nakama_ssl=true&nakama_key=…`).
 */
export function serverConfigFrom(file: unknown, url: URL): ServerConfig {
  const fromFile = z.partial(ServerConfig).safeParse(file);
  const p = url.searchParams;
  const fromUrl: Partial<ServerConfig> = {};
  const host = p.get("nakama_host");
  const port = p.get("nakama_port");
  const ssl = p.get("nakama_ssl");
  const key = p.get("nakama_key");
  if (host) fromUrl.host = host;
  if (port) fromUrl.port = port;
  if (ssl) fromUrl.useSSL = ssl === "true";
  if (key) fromUrl.serverKey = key;
  return { ...buildTime, ...(fromFile.success ? fromFile.data : {}), ...fromUrl };
}
