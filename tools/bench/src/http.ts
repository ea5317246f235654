// A lean HTTP client for virtual players: the same requests nakama-js sends, without its
// overhead in the load generator.
import { randomUUID } from "node:crypto";

export class NakamaHttp {
  constructor(
    readonly port: number,
    readonly serverKey = "defaultkey",
  ) {}

  private url(path: string) {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  private async json(res: Response) {
    const text = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : {};
  }

  async authenticateDevice(deviceId: string = randomUUID()): Promise<string> {
    const res = await fetch(this.url("/v2/account/authenticate/device?create=true"), {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${this.serverKey}:`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ id: deviceId, vars: { client: "bench" } }),
    });
    return (await this.json(res)).token;
  }

  async rpc(token: string, id: string, payload: object): Promise<unknown> {
    const res = await fetch(this.url(`/v2/rpc/${id}?unwrap=true`), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    return this.json(res);
  }

  async writeRecord(token: string, board: string, score: number) {
    const res = await fetch(this.url(`/v2/leaderboard/${board}`), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ score: String(score) }),
    });
    return this.json(res);
  }

  async listRecords(token: string, board: string, limit = 10) {
    const res = await fetch(this.url(`/v2/leaderboard/${board}?limit=${limit}`), {
      headers: { authorization: `Bearer ${token}` },
    });
    return this.json(res);
  }

  socketUrl(token: string) {
    return `ws://127.0.0.1:${this.port}/ws?lang=en&status=true&token=${encodeURIComponent(token)}`;
  }
}
