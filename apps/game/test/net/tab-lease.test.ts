import { describe, expect, it, vi } from "vitest";
import { type Channel, type Locks, TabLease } from "../../src/net/session/tab-lease";

/** Web Locks for one lock name as the browser runs them across tabs (ifAvailable, steal, wait). */
function fakeLocks(): Locks {
  let holder: { abort: (err: Error) => void; done: Promise<unknown> } | null = null;
  const aborted = () => Object.assign(new Error("aborted"), { name: "AbortError" });
  const take = (callback: (lock: unknown) => unknown) =>
    new Promise((resolve, reject) => {
      const mine = { abort: reject, done: Promise.resolve() as Promise<unknown> };
      holder = mine;
      mine.done = Promise.resolve(callback({})).then((v) => {
        if (holder === mine) holder = null;
        resolve(v);
      });
    });
  return {
    async request(_name, options, callback) {
      if (options.steal) {
        holder?.abort(aborted());
        return take(callback);
      }
      if (holder && options.ifAvailable) return callback(null);
      while (holder) {
        if (options.signal?.aborted) throw aborted();
        await Promise.race([
          holder.done,
          new Promise((r) => options.signal?.addEventListener("abort", r)),
        ]);
      }
      return take(callback);
    },
  };
}

/** BroadcastChannel between the tabs of one test: a message reaches every other tab. */
function fakeChannels() {
  const tabs: ((event: MessageEvent) => void)[] = [];
  return (): Channel => {
    let mine: ((event: MessageEvent) => void) | null = null;
    return {
      postMessage(data) {
        for (const t of tabs) if (t !== mine) t({ data } as MessageEvent);
      },
      addEventListener(_type, listener) {
        mine = listener;
        tabs.push(listener);
      },
    };
  };
}

describe("the tab lease", () => {
  it("lets one tab play; another is told no, asks the first to step aside, and takes over", async () => {
    const locks = fakeLocks();
    const channel = fakeChannels();
    const first = new TabLease(locks, "x", channel());
    const second = new TabLease(locks, "x", channel());
    const order: string[] = [];
    first.events.on("lost", () => order.push("first stepped aside"));
    expect(await first.acquire({ takeOver: false })).toBe(true);
    expect(await second.acquire({ takeOver: false })).toBe(false);
    expect(await second.acquire({ takeOver: true })).toBe(true);
    order.push("second plays");
    expect(order).toEqual(["first stepped aside", "second plays"]);
    expect(first.held).toBe(false);
    expect(second.held).toBe(true);
  });

  it("takes the lease by force from a tab that doesn't answer", async () => {
    const locks = fakeLocks();
    const frozen = new TabLease(locks, "x", undefined);
    const lost = vi.fn();
    frozen.events.on("lost", lost);
    await frozen.acquire({ takeOver: false });
    const other = new TabLease(locks, "x", undefined, 20);
    expect(await other.acquire({ takeOver: true })).toBe(true);
    await vi.waitFor(() => expect(lost).toHaveBeenCalledTimes(1));
    expect(other.held).toBe(true);
  });

  it("gives the lease up on sign-out, so another tab takes it without asking", async () => {
    const locks = fakeLocks();
    const first = new TabLease(locks, "x", undefined);
    const second = new TabLease(locks, "x", undefined);
    const lost = vi.fn();
    first.events.on("lost", lost);
    await first.acquire({ takeOver: false });
    first.give();
    await vi.waitFor(async () => expect(await second.acquire({ takeOver: false })).toBe(true));
    expect(lost).not.toHaveBeenCalled();
  });

  it("lets every tab play where the browser has no Web Locks", async () => {
    expect(await new TabLease(undefined, "x", undefined).acquire({ takeOver: false })).toBe(true);
  });
});
