// The abuse section of the bench (issue 23): honest players' sign-in and round latency alone,
// then while one attacker floods the cheapest-to-send, most-expensive-to-serve requests it
// can find at its maximum rate, first from one account, then as a loop of fresh guests from
// one address. One stack, with the rate limits at their shipped defaults. Rounds are live
// matches (live_round_create): opening one costs a VM, the most expensive thing a client can
// ask for, so the attackers open as many as they are let.
//
// Every request carries an X-Forwarded-For, as the proxy in front of a deployment sets it
// (docs/security.md "Rate limits"): the honest players and the attacker come from addresses
// of their own, as they would on the internet, although all of them run on this loopback.
import { randomUUID } from "node:crypto";
import { LEADERBOARD_VIEW, LIVE_ROUND_CREATE, REPLAY_GET } from "@gift-grab/contracts";
import { startTestStack, type TestStack } from "@gift-grab/devkit";
import { cpuMs, postgresCpuMs } from "./cpu";
import { pool, Samples, type Summary } from "./stats";

export interface AbuseOptions {
  /** How long each phase's honest players arrive, and the attack lasts (plus one round). */
  attackSec: number;
  /** Round length on the abuse stack (the matches the honest players and attackers open). */
  roundMs: number;
  /** Honest players per phase, arriving spread over attackSec. */
  honest: number;
  /** The attacker's requests in flight at once. */
  attackConcurrency: number;
  log?: (line: string) => void;
}

const basic = `Basic ${Buffer.from("defaultkey:").toString("base64")}`;
const ATTACKER = "198.51.100.66";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/** One HTTP request as any client could send it, from the address `from`. */
async function send(
  port: number,
  path: string,
  body: string,
  from: string,
  auth = basic,
): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json", "x-forwarded-for": from },
    body,
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json };
}

function ok(a: Answer, what: string): Answer {
  if (a.status !== 200) throw new Error(`${what}: HTTP ${a.status} ${JSON.stringify(a.json)}`);
  return a;
}

const deviceSignIn = (port: number, id: string, from: string) =>
  send(port, "/v2/account/authenticate/device?create=true", JSON.stringify({ id }), from);
const rpc = (port: number, token: string, id: string, payload: string, from: string) =>
  send(port, `/v2/rpc/${id}?unwrap=true`, payload, from, `Bearer ${token}`);

/**
 * Honest players: sign in (returning), open a live round, view the board. The round itself is
 * played over a socket, which live-rounds.ts measures; here only the calls are timed.
 */
async function honestPhase(port: number, devices: string[], windowMs: number) {
  const signIn = new Samples("honest sign-in (returning)");
  const start = new Samples("honest live_round_create");
  const board = new Samples("honest leaderboard_view");
  await Promise.all(
    devices.map(async (id, i) => {
      await sleep((i / devices.length) * windowMs);
      const from = `192.0.2.${(i % 250) + 1}`;
      const auth = await signIn.time(async () => ok(await deviceSignIn(port, id, from), "sign-in"));
      const token = String(auth?.json.token ?? "");
      if (!token) return;
      await start.time(async () =>
        ok(await rpc(port, token, LIVE_ROUND_CREATE, "{}", from), "live_round_create"),
      );
      await board.time(async () =>
        ok(await rpc(port, token, LEADERBOARD_VIEW, "{}", from), "leaderboard_view"),
      );
    }),
  );
  return { signIn, start, board };
}

/** What the attacker sent and what came back. */
class Tally {
  sent = 0;
  readonly statuses = new Map<number, number>();
  /** Per kind of request: "<kind> <status>" → count. */
  readonly kinds = new Map<string, number>();
  firstFailure: string | null = null;
  add(a: Answer, kind = "") {
    this.sent++;
    this.statuses.set(a.status, (this.statuses.get(a.status) ?? 0) + 1);
    const k = `${kind} ${a.status}`;
    this.kinds.set(k, (this.kinds.get(k) ?? 0) + 1);
  }
  failed(err: unknown) {
    this.firstFailure ??=
      err instanceof Error ? `${err.message} ${String(err.cause ?? "")}` : String(err);
    this.add({ status: 0, json: {} }, "no answer");
  }
  get refused() {
    return (this.statuses.get(429) ?? 0) + (this.statuses.get(413) ?? 0);
  }
}

/** ~31,000 nested arrays: costly to parse and walk, cheap to send (refused by its length). */
const nested = (depth = 31_000) => `{"cursor":${"[".repeat(depth)}${"]".repeat(depth)}}`;

interface Attacker {
  name: string;
  /** Done before the phase: accounts. */
  prepare(): Promise<void>;
  /** One request at the attacker's maximum rate. */
  fire(tally: Tally): Promise<void>;
}

/**
 * One account, everything it can aim at the server: live rounds (a VM each, as many as its
 * round starts allow), nested payloads, wrong-password email sign-ins (bcrypt), replay and
 * board reads.
 */
function oneAccount(port: number): Attacker {
  let token = "";
  let owner = "";
  const email = `attacker-${randomUUID().slice(0, 8)}@example.com`;
  let i = 0;
  return {
    name: "one_account",
    async prepare() {
      const a = ok(await deviceSignIn(port, randomUUID(), ATTACKER), "attacker sign-up");
      token = String(a.json.token);
      owner = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()).uid;
      ok(
        await send(
          port,
          "/v2/account/authenticate/email?create=true",
          JSON.stringify({ email, password: "right-password-1" }),
          ATTACKER,
        ),
        "attacker email sign-up",
      );
    },
    async fire(tally) {
      const kind = i++ % 5;
      if (kind === 0)
        tally.add(await rpc(port, token, LEADERBOARD_VIEW, nested(), ATTACKER), "nested");
      else if (kind === 1 || kind === 2)
        tally.add(await rpc(port, token, LIVE_ROUND_CREATE, "{}", ATTACKER), "live_round");
      else if (kind === 3)
        tally.add(
          await send(
            port,
            "/v2/account/authenticate/email?create=false",
            JSON.stringify({ email, password: "wrong-password-1" }),
            ATTACKER,
          ),
          "wrong_password",
        );
      else
        tally.add(
          await rpc(
            port,
            token,
            i % 2 ? REPLAY_GET : LEADERBOARD_VIEW,
            JSON.stringify(i % 2 ? { owner_id: owner } : {}),
            ATTACKER,
          ),
          "read",
        );
    },
  };
}

/**
 * A loop of fresh guests from one address: a sign-up every fourth request, and live rounds
 * round-robin over every guest it got, so each guest's round starts are spent.
 */
function freshGuests(port: number): Attacker {
  const tokens: string[] = [];
  let i = 0;
  return {
    name: "fresh_guests",
    async prepare() {},
    async fire(tally) {
      if (i++ % 4 === 0 || tokens.length === 0) {
        const a = await deviceSignIn(port, randomUUID(), ATTACKER);
        tally.add(a, "sign_up");
        if (a.status === 200) tokens.push(String(a.json.token));
        return;
      }
      const token = tokens[i % tokens.length] as string;
      tally.add(await rpc(port, token, LIVE_ROUND_CREATE, "{}", ATTACKER), "live_round");
    },
  };
}

function serverCpuMs(stack: TestStack) {
  return cpuMs(stack.nakama.pid ?? 0) + postgresCpuMs(stack);
}

export async function runAbuse({
  attackSec,
  roundMs,
  honest,
  attackConcurrency,
  log = console.log,
}: AbuseOptions) {
  log(`abuse: one stack with the default limits, ${honest} honest players a phase…`);
  const stack = await startTestStack({
    name: "bench-abuse",
    limits: "defaults",
    // Round starts: honest players here start one round a phase; kept at the default. Nobody
    // joins these matches: each closes after the join timeout, shortened to keep VMs few.
    runtimeEnv: { ROUND_DURATION_MS: String(roundMs), LIVE_JOIN_TIMEOUT_MS: "2000" },
    config: { logger: { level: "ERROR" } },
  });
  try {
    const port = stack.port;
    const devices = Array.from({ length: honest }, () => randomUUID());
    // Sign-ups before any phase (each address its own): the phases measure returning players.
    await pool(devices, 8, async (id, i) => {
      ok(await deviceSignIn(port, id, `192.0.2.${(i % 250) + 1}`), "honest sign-up");
    });
    const windowMs = attackSec * 1000;

    const phase = async (attacker?: Attacker) => {
      await attacker?.prepare();
      const tally = new Tally();
      let attacking = Boolean(attacker);
      const cpu0 = serverCpuMs(stack);
      const t0 = performance.now();
      const flood = attacker
        ? pool(Array.from({ length: attackConcurrency }), attackConcurrency, async () => {
            while (attacking) await attacker.fire(tally).catch((err) => tally.failed(err));
          })
        : Promise.resolve();
      const result = await honestPhase(port, devices, windowMs);
      attacking = false;
      await flood;
      const wallMs = performance.now() - t0;
      const cpu = serverCpuMs(stack) - cpu0;
      return { result, tally, wallMs, cpu };
    };

    log(`abuse: honest players alone (${attackSec} s + a round)…`);
    const alone = await phase();
    const runs = [];
    for (const attacker of [oneAccount(port), freshGuests(port)]) {
      log(`abuse: honest players while ${attacker.name} floods…`);
      runs.push({ name: attacker.name, ...(await phase(attacker)) });
    }

    const summary = (s: Samples, wall: number): Summary => s.summary(wall);
    const honestCalls = (r: typeof alone) =>
      [r.result.signIn, r.result.start, r.result.board].map((s) => summary(s, r.wallMs));
    const aloneCalls = honestCalls(alone);
    const aloneCpuPerMs = alone.cpu / alone.wallMs;
    const attacks = runs.map((r) => {
      const calls = honestCalls(r);
      const attackCpu = r.cpu - aloneCpuPerMs * r.wallMs;
      return {
        name: r.name,
        calls,
        ratios: Object.fromEntries(
          calls.map((c, k) => [
            `honest_${["sign_in", "live_round_create", "leaderboard_view"][k]}_p99_under_${r.name}_vs_alone`,
            c.p99 / (aloneCalls[k] as Summary).p99,
          ]),
        ),
        sent: r.tally.sent,
        per_sec: r.tally.sent / (r.wallMs / 1000),
        statuses: Object.fromEntries(r.tally.statuses),
        by_kind: Object.fromEntries(r.tally.kinds),
        first_failure: r.tally.firstFailure,
        refused_share: r.tally.refused / Math.max(1, r.tally.sent),
        server_cpu_ms: attackCpu,
        server_cpu_ms_per_refused: attackCpu / Math.max(1, r.tally.refused),
      };
    });
    return {
      options: {
        attack_sec: attackSec,
        round_ms: roundMs,
        honest,
        attack_concurrency: attackConcurrency,
      },
      alone: aloneCalls,
      attacks,
    };
  } finally {
    await stack.stop();
  }
}

export type AbuseResult = Awaited<ReturnType<typeof runAbuse>>;

export function formatAbuse(r: AbuseResult): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
  const row = (c: Summary) =>
    `${c.name.padEnd(52)} ${String(c.calls).padStart(6)} ${String(c.errors).padStart(4)} ${f(c.p50).padStart(7)} ${f(c.p95).padStart(7)} ${f(c.p99).padStart(7)}${c.first_error ? `  first error: ${c.first_error.slice(0, 80)}` : ""}`;
  const lines = [
    `abuse: ${r.options.honest} honest players over ${r.options.attack_sec} s, rounds of ${r.options.round_ms} ms; attacker ${r.options.attack_concurrency} in flight; default limits`,
    `${"alone".padEnd(52)} ${"calls".padStart(6)} ${"err".padStart(4)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)}  (ms)`,
    ...r.alone.map(row),
  ];
  for (const a of r.attacks) {
    lines.push(`under ${a.name}:`, ...a.calls.map(row));
  }
  lines.push("");
  for (const a of r.attacks) {
    for (const [k, v] of Object.entries(a.ratios)) lines.push(`ratio ${k}: ${v.toFixed(2)}`);
    lines.push(
      `attack ${a.name}: ${a.sent} requests (${f(a.per_sec)}/s), refused ${(a.refused_share * 100).toFixed(1)} % (${Object.entries(
        a.by_kind,
      )
        .map(([s, n]) => `${s}: ${n}`)
        .join(
          ", ",
        )}), server CPU ${f(a.server_cpu_ms)} ms above the honest load = ${a.server_cpu_ms_per_refused.toFixed(3)} ms per refused request${a.first_failure ? `; no answer: ${a.first_failure.slice(0, 60)}` : ""}`,
    );
  }
  return lines.join("\n");
}
