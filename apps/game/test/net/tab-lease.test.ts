import { describe, expect, it, vi } from "vitest";
import { type Locks, TabLease } from "../../src/net/tab-lease";

/** Web Locks for one lock name, as the browser runs them for tabs (ifAvailable, steal). */
function fakeLocks(): Locks {
  let holder: { abort: (err: Error) => void } | null = null;
  return {
    request(_name, options, callback) {
      if (holder && options.ifAvailable) return Promise.resolve(callback(null));
      if (holder && options.steal) {
        holder.abort(Object.assign(new Error("stolen"), { name: "AbortError" }));
        holder = null;
      }
      return new Promise((resolve, reject) => {
        const mine = { abort: reject };
        holder = mine;
        Promise.resolve(callback({})).then((v) => {
          if (holder === mine) holder = null;
          resolve(v);
        });
      });
    },
  };
}

describe("the tab lease", () => {
  it("lets one tab play; another is told no, steals it, and the first learns it lost", async () => {
    const locks = fakeLocks();
    const first = new TabLease(locks, "x");
    const second = new TabLease(locks, "x");
    const lost = vi.fn();
    first.events.on("lost", lost);
    expect(await first.acquire({ steal: false })).toBe(true);
    expect(await second.acquire({ steal: false })).toBe(false);
    expect(second.held).toBe(false);
    expect(await second.acquire({ steal: true })).toBe(true);
    await vi.waitFor(() => expect(lost).toHaveBeenCalledTimes(1));
    expect(first.held).toBe(false);
    expect(second.held).toBe(true);
  });

  it("gives the lease up on sign-out, so another tab takes it without stealing", async () => {
    const locks = fakeLocks();
    const first = new TabLease(locks, "x");
    const second = new TabLease(locks, "x");
    const lost = vi.fn();
    first.events.on("lost", lost);
    await first.acquire({ steal: false });
    first.give();
    await vi.waitFor(async () => expect(await second.acquire({ steal: false })).toBe(true));
    expect(lost).not.toHaveBeenCalled();
  });

  it("lets every tab play where the browser has no Web Locks", async () => {
    expect(await new TabLease(undefined, "x").acquire({ steal: false })).toBe(true);
  });
});
