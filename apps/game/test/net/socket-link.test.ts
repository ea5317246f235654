import { SESSION_ENDED_CODE, SESSION_ENDED_SUBJECT } from "@gift-grab/contracts";
import type { Notification } from "@heroiclabs/nakama-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Backoff } from "../../src/net/backoff";
import { SessionEndedError } from "../../src/net/session/session-store";
import {
  type LinkState,
  type NetworkSignals,
  type SocketLike,
  SocketLink,
} from "../../src/net/socket/socket-link";

/** A stand-in for a nakama-js socket: the test decides whether connect succeeds. */
class FakeSocket implements SocketLike {
  static willConnect = true;
  /** Like a cut connection: closes before it opens, and connect() never settles by itself. */
  static closeBeforeOpen = false;
  token: string | null = null;
  closed = false;
  ondisconnect: (evt: Event) => void = () => {};
  onnotification: (n: Notification) => void = () => {};
  onheartbeattimeout: () => void = () => {};
  onmatchdata: () => void = () => {};
  onmatchmakermatched: () => void = () => {};
  async joinMatch() {}
  async addMatchmaker() {
    return { ticket: "t1" };
  }
  async removeMatchmaker() {}
  async leaveMatch() {}
  async sendMatchState() {}
  async send() {}
  async connect(session: { token: string }) {
    this.token = session.token;
    if (FakeSocket.closeBeforeOpen) {
      queueMicrotask(() => this.ondisconnect(new Event("close")));
      return new Promise<never>(() => {});
    }
    if (!FakeSocket.willConnect) throw new Event("error");
    return session;
  }
  disconnect() {
    this.closed = true;
  }
  /** The server (or the network) closed it. */
  drop() {
    this.ondisconnect(new Event("close"));
  }
}

class FakeNetwork implements NetworkSignals {
  online = true;
  private listeners = new Set<(s: "online" | "offline" | "visible") => void>();
  isOnline() {
    return this.online;
  }
  subscribe(l: (s: "online" | "offline" | "visible") => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  signal(s: "online" | "offline" | "visible") {
    this.online = s === "offline" ? false : s === "online" ? true : this.online;
    for (const l of this.listeners) l(s);
  }
}

function setup(opts: { alive?: boolean; token?: () => Promise<string> } = {}) {
  const sockets: FakeSocket[] = [];
  const network = new FakeNetwork();
  let n = 0;
  const link = new SocketLink({
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    token: opts.token ?? (async () => `token-${++n}`),
    sessionAlive: async () => opts.alive ?? true,
    network,
    backoff: new Backoff({ baseMs: 1000, maxMs: 8000, jitter: 0 }),
  });
  const states: LinkState[] = [];
  link.events.on("state", (s) => states.push(s));
  const ended = vi.fn();
  link.events.on("sessionEnded", ended);
  return { link, sockets, network, states, ended };
}

const endedNotice = (reason: string, client?: string): Notification => ({
  code: SESSION_ENDED_CODE,
  subject: SESSION_ENDED_SUBJECT,
  content: { reason, at: 1_800_000_000, ...(client ? { client } : {}) },
});

describe("the socket link", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.willConnect = true;
    FakeSocket.closeBeforeOpen = false;
  });
  afterEach(() => vi.useRealTimers());

  it("opens a socket with a fresh token and goes online", async () => {
    const { link, sockets, states } = setup();
    await link.start();
    expect(link.state).toBe("online");
    expect(states).toEqual(["connecting", "online"]);
    expect(sockets[0]?.token).toBe("token-1");
  });

  it("on a kick notice: stops, reports who, and never reconnects", async () => {
    const { link, sockets, ended } = setup();
    await link.start();
    sockets[0]?.onnotification(endedNotice("signed_in_elsewhere", "web-2.0"));
    sockets[0]?.drop(); // the server closes it right after
    expect(link.state).toBe("ended");
    expect(ended).toHaveBeenCalledWith({
      reason: "signed_in_elsewhere",
      at: new Date(1_800_000_000_000),
      client: "web-2.0",
    });
    expect(sockets[0]?.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
    expect(link.connectAttempts).toBe(1);
  });

  it("treats Nakama's own single_socket notice (-7) as a sign-in elsewhere", async () => {
    const { link, sockets, ended } = setup();
    await link.start();
    sockets[0]?.onnotification({ code: -7, subject: "single_socket", content: {} });
    expect(ended).toHaveBeenCalledWith(expect.objectContaining({ reason: "signed_in_elsewhere" }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("reconnects after a drop with exponential backoff, a fresh token, and resets on success", async () => {
    const { link, sockets, states } = setup();
    await link.start();
    FakeSocket.willConnect = false;
    sockets[0]?.drop();
    expect(link.state).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // 1 s
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000); // 2 s
    expect(sockets).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(4000); // 4 s
    expect(sockets).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(8000); // capped at 8 s
    expect(sockets).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(8000);
    expect(sockets).toHaveLength(6);
    FakeSocket.willConnect = true;
    await vi.advanceTimersByTimeAsync(8000);
    expect(link.state).toBe("online");
    expect(sockets.at(-1)?.token).toBe("token-7");
    expect(states.at(-1)).toBe("online");
    // Backoff starts over after a success.
    FakeSocket.willConnect = false;
    sockets.at(-1)?.drop();
    const before = sockets.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(before + 1);
  });

  it("counts a socket closed before it opened as a failed attempt, at once", async () => {
    const { link, sockets } = setup();
    FakeSocket.closeBeforeOpen = true;
    await link.start();
    expect(link.state).toBe("connecting");
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    FakeSocket.closeBeforeOpen = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(link.state).toBe("online");
  });

  it("goes offline when the browser does, and retries at once when it is back", async () => {
    const { link, sockets, network } = setup();
    await link.start();
    network.signal("offline");
    expect(link.state).toBe("offline");
    expect(sockets[0]?.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    network.signal("online");
    await vi.advanceTimersByTimeAsync(0);
    expect(link.state).toBe("online");
    expect(sockets).toHaveLength(2);
  });

  it("counts a heartbeat timeout as a drop at once, and ignores that socket's late close", async () => {
    const { link, sockets } = setup();
    await link.start();
    const first = sockets[0];
    first?.onheartbeattimeout();
    expect(link.state).toBe("reconnecting");
    expect(first?.closed).toBe(true);
    first?.drop(); // the close event finally arrives
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    expect(link.state).toBe("online");
  });

  it("retries at once when the tab becomes visible while reconnecting", async () => {
    const { link, sockets, network } = setup();
    await link.start();
    FakeSocket.willConnect = false;
    sockets[0]?.drop();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sockets).toHaveLength(3);
    FakeSocket.willConnect = true;
    network.signal("visible");
    await vi.advanceTimersByTimeAsync(0);
    expect(link.state).toBe("online");
    expect(sockets).toHaveLength(4);
  });

  it("stops when a failed reconnect turns out to be a dead session (401), and when the token can't be renewed", async () => {
    const dead = setup({ alive: false });
    await dead.link.start();
    FakeSocket.willConnect = false;
    dead.sockets[0]?.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(dead.link.state).toBe("ended");
    expect(dead.ended).toHaveBeenCalledWith(expect.objectContaining({ reason: "session_revoked" }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(dead.sockets).toHaveLength(2);

    FakeSocket.willConnect = true;
    const refused = setup({
      token: async () => {
        throw new SessionEndedError("refused");
      },
    });
    await refused.link.start();
    expect(refused.link.state).toBe("ended");
    expect(refused.sockets).toHaveLength(0);
  });

  it("stop() closes the socket and ignores its late close event", async () => {
    const { link, sockets } = setup();
    await link.start();
    const s = sockets[0];
    link.stop();
    s?.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(link.state).toBe("idle");
    expect(sockets).toHaveLength(1);
  });
});
