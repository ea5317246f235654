// Races under load (docs/performance.md "Races"): concurrent 4-player races over real sockets
// (raw `ws`, Nakama's JSON protocol), each race a friend lobby (race_lobby_create, three
// race_lobby_join by code, the host's race_lobby_start) whose four seats are all socket
// players, so every seat sends inputs as people would. The server's side is read from the line
// each match logs when it closes, as bench:live does: a count passes when every seat's race
// completes and loops over 5 ms and gaps over 60 ms each stay under 1 % (match-loop p99 ≤ 5 ms,
// tick-interval p99 within 20 % of 50 ms). Then the time to a match: 100 players add race
// tickets at once to Nakama's matchmaker (1 s interval, as local.yml).
import os from "node:os";
import {
  RACE_LOBBY_CREATE,
  RACE_LOBBY_JOIN,
  RACE_LOBBY_START,
  RaceMatchmaker,
} from "@gift-grab/contracts";
import { startTestStack } from "@gift-grab/devkit";
import WebSocket from "ws";
import { NakamaHttp } from "./http";
import {
  cpuMs,
  describePhases,
  loopStats,
  phasesOf,
  playRound,
  rssMb,
  signIns,
  sleep,
} from "./live-rounds";
import { profileDir, profileNakama } from "./profile";
import { pool } from "./stats";

export interface RaceBenchOptions {
  /** Concurrent 4-player races to try, ascending; the bench stops at the first that fails. */
  counts: number[];
  roundMs: number;
  /** Players searching at once for the time to a match. */
  searchers: number;
  log?: (line: string) => void;
}

const SEATS = 4;

/** One lobby of four: its match id, the host first. */
async function lobbyOfFour(http: NakamaHttp, tokens: string[]) {
  const [host, ...friends] = tokens as [string, ...string[]];
  const lobby = (await http.rpc(host, RACE_LOBBY_CREATE, { seats: SEATS })) as {
    code: string;
    match_id: string;
  };
  for (const friend of friends) await http.rpc(friend, RACE_LOBBY_JOIN, { code: lobby.code });
  return { host, code: lobby.code, matchId: lobby.match_id };
}

/** ms from each player's ticket to its matchmaker_matched, for `n` players searching at once. */
async function timeToMatch(http: NakamaHttp, n: number, timeoutMs = 30_000) {
  const tokens = await signIns(http, n);
  const sockets = await Promise.all(
    tokens.map(
      (token) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(http.socketUrl(token));
          ws.on("open", () => resolve(ws));
          ws.on("error", reject);
        }),
    ),
  );
  const waits = await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<number>((resolve) => {
          let t0 = 0;
          const timer = setTimeout(() => resolve(Number.NaN), timeoutMs);
          ws.on("message", (raw) => {
            const env = JSON.parse(String(raw));
            if (env.cid === "mm" && env.matchmaker_ticket) t0 = performance.now();
            if (env.matchmaker_matched) {
              clearTimeout(timer);
              resolve(performance.now() - t0);
            }
          });
          ws.send(
            JSON.stringify({
              cid: "mm",
              matchmaker_add: {
                min_count: RaceMatchmaker.minCount,
                max_count: RaceMatchmaker.maxCount,
                query: RaceMatchmaker.query,
                string_properties: { mode: RaceMatchmaker.mode },
              },
            }),
          );
        }),
    ),
  );
  for (const ws of sockets) ws.close();
  const matched = waits.filter((w) => Number.isFinite(w)).sort((a, b) => a - b);
  const pct = (p: number) =>
    matched[Math.min(matched.length - 1, Math.floor((p / 100) * matched.length))] ?? Number.NaN;
  return { searchers: n, matched: matched.length, p50_ms: pct(50), p99_ms: pct(99) };
}

export async function measureRaces({
  counts,
  roundMs,
  searchers,
  log = console.log,
}: RaceBenchOptions) {
  const stack = await startTestStack({
    name: "bench-races",
    // Another build of the module to compare (e.g. before a change): LIVE_BENCH_MODULE=dir.
    ...(process.env.LIVE_BENCH_MODULE ? { runtimePath: process.env.LIVE_BENCH_MODULE } : {}),
    config: { matchmaker: { interval_sec: 1, max_intervals: 3 } },
    runtimeEnv: {
      ROUND_DURATION_MS: String(roundMs),
      ROUND_STARTS_PER_MINUTE: "1000",
      LIVE_JOIN_TIMEOUT_MS: "20000",
      LIVE_START_DELAY_MS: "2000",
      LIVE_LINGER_MS: "1000",
      LIVE_RACE_JOIN_WAIT_MS: "20000",
    },
  });
  const pid = stack.nakama.pid;
  const load = () => os.loadavg().map((l) => l.toFixed(1));
  try {
    const http = new NakamaHttp(stack.port);
    const runs = [];
    let capacity = 0;
    for (const n of counts) {
      const tokens = await signIns(http, n * SEATS);
      const loadBefore = load();
      const rssStart = rssMb(pid);
      const lobbies: { host: string; code: string; matchId: string }[] = [];
      await pool(Array.from({ length: n }), 10, async (_, i) => {
        lobbies[i] = await lobbyOfFour(http, tokens.slice(i * SEATS, (i + 1) * SEATS));
      });
      // Every seat joins its lobby; then each host starts, and the races play.
      let joinedCount = 0;
      let allJoined: () => void = () => {};
      const everyoneIn = new Promise<void>((r) => {
        allJoined = r;
      });
      const cpu0 = cpuMs(pid);
      const bots0 = process.cpuUsage();
      const t0 = performance.now();
      const playing = tokens.map((token, i) =>
        playRound(
          http,
          token,
          lobbies[Math.floor(i / SEATS)]?.matchId ?? "",
          roundMs + 40_000,
          () => {
            joinedCount += 1;
            if (joinedCount === tokens.length) allJoined();
          },
        ),
      );
      await everyoneIn;
      await pool(lobbies, 10, async (l) => {
        await http.rpc(l.host, RACE_LOBBY_START, { code: l.code });
      });
      // Opt-in: profiles of the server while the races play (after the countdown).
      const dir = profileDir();
      const profiled = dir
        ? sleep(4_000).then(() => profileNakama(stack.consolePort, dir, `races-${n}`))
        : Promise.resolve();
      const results = await Promise.all(playing);
      await profiled;
      const wallMs = performance.now() - t0;
      const botsCpu = process.cpuUsage(bots0);
      const serverCpuMs = cpuMs(pid) - cpu0;
      await sleep(2_500); // the matches close and log
      const loops = loopStats(stack, new Set(lobbies.map((l) => l.matchId)));
      const completed = results.filter((r) => r.ended).length;
      const seconds = wallMs / 1000;
      const perPlayer = (k: "bytesIn" | "bytesOut" | "wireIn" | "wireOut" | "inputsSent") =>
        results.reduce((s, r) => s + r[k], 0) / results.length / seconds;
      const run = {
        races: n,
        players: tokens.length,
        completed,
        matches_logged: loops.matches,
        slow_loop_pct: (100 * loops.slow) / Math.max(1, loops.loops),
        late_gap_pct: (100 * loops.late) / Math.max(1, loops.loops),
        max_loop_ms: loops.maxLoop,
        max_gap_ms: loops.maxGap,
        rss_mb_per_race: (rssMb(pid) - rssStart) / n,
        server_cpu_pct: (100 * serverCpuMs) / wallMs,
        bots_cpu_pct: (100 * (botsCpu.user + botsCpu.system)) / 1000 / wallMs,
        payload_down_b_s: perPlayer("bytesIn"),
        payload_up_b_s: perPlayer("bytesOut"),
        wire_down_b_s: perPlayer("wireIn"),
        wire_up_b_s: perPlayer("wireOut"),
        inputs_per_s: perPlayer("inputsSent"),
        phases: phasesOf(loops),
        load_before: loadBefore.join(" "),
        load_after: load().join(" "),
      };
      const ok = completed === tokens.length && run.slow_loop_pct <= 1 && run.late_gap_pct <= 1;
      runs.push({ ...run, ok });
      log(`races: ${describeRun({ ...run, ok })}`);
      for (const line of describePhases(run.phases)) log(line);
      if (!ok) break;
      capacity = n;
    }
    const matchmaking = await timeToMatch(http, searchers);
    log(
      `races: time to a match, ${matchmaking.searchers} searching: ${matchmaking.matched} matched, p50 ${matchmaking.p50_ms.toFixed(0)} ms, p99 ${matchmaking.p99_ms.toFixed(0)} ms (load ${load().join(" ")})`,
    );
    return { runs, capacity, matchmaking };
  } finally {
    await stack.stop();
  }
}

type Run = Awaited<ReturnType<typeof measureRaces>>["runs"][number];

function describeRun(x: Run) {
  return `${x.races} races (${x.players} players): ${x.completed} seats completed, slow loops ${x.slow_loop_pct.toFixed(2)} %, late gaps ${x.late_gap_pct.toFixed(2)} % (max loop ${x.max_loop_ms} ms, max gap ${x.max_gap_ms} ms), server CPU ${x.server_cpu_pct.toFixed(0)} %, bots CPU ${x.bots_cpu_pct.toFixed(0)} % (apart), ${x.rss_mb_per_race.toFixed(2)} MB/race, per player payload ${x.payload_down_b_s.toFixed(0)} B/s down ${x.payload_up_b_s.toFixed(0)} B/s up (${x.inputs_per_s.toFixed(1)} INPUT/s), wire ${x.wire_down_b_s.toFixed(0)} / ${x.wire_up_b_s.toFixed(0)} B/s, load ${x.load_before} → ${x.load_after} ${x.ok ? "ok" : "FAIL"}`;
}

export function formatRaces(r: Awaited<ReturnType<typeof measureRaces>>) {
  const last = r.runs.at(-1);
  const implied = last
    ? [
        `  server CPU per 4-player race: ${(last.server_cpu_pct / last.races).toFixed(2)} % of a core (at ${last.races} races): ${Math.floor(200 / (last.server_cpu_pct / last.races))} races would fill two cores`,
      ]
    : [];
  return [
    "races (4 socket players each, friend lobbies):",
    ...r.runs.flatMap((x) => [`  ${describeRun(x)}`, ...describePhases(x.phases)]),
    ...implied,
    `  time to a match, ${r.matchmaking.searchers} searching: p50 ${r.matchmaking.p50_ms.toFixed(0)} ms, p99 ${r.matchmaking.p99_ms.toFixed(0)} ms (${r.matchmaking.matched} matched)`,
    `capacity races_4p: ${r.capacity}`,
  ].join("\n");
}
