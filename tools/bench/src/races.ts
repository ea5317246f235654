// Races under load (docs/performance.md "Races"): concurrent 4-player races over real sockets
// (raw `ws`, Nakama's JSON protocol), each race a friend lobby (race_lobby_create, three
// race_lobby_join by code, the host's race_lobby_start) whose four seats are all socket
// players, so every seat sends inputs as people would. The races arrive one after another over
// `arriveMs` (5 s unless told; each lobby made, joined and started in turn), so every race
// plays together from the last one's tick 0 to the first END. The server's side is read from the
// line each match logs when it closes, split by phase, as bench:live does: a count passes when
// every seat's race completes and, over the playing loops of all its races, loops over 5 ms and
// gaps over 60 ms each stay under 1 % (match-loop p99 ≤ 5 ms, tick-interval p99 within 20 % of
// 50 ms); the lobby and countdown loops, the result-writing END loops and every loop together
// are printed beside it. Then the time to a match: 100 players add race tickets at once to
// Nakama's matchmaker (1 s interval, as local.yml).
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
  DEFAULT_ARRIVE_MS,
  describePhases,
  loadAvg,
  measureRun,
  perPlayerPerS,
  playRound,
  signIns,
  sleep,
} from "./live-rounds";

export interface RaceBenchOptions {
  /** Concurrent 4-player races to try, ascending; the bench stops at the first that fails. */
  counts: number[];
  roundMs: number;
  /** Over how long the races arrive, a lobby at a time (default 5 s; live-rounds.ts). */
  arriveMs?: number;
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
  arriveMs = DEFAULT_ARRIVE_MS,
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
  try {
    const http = new NakamaHttp(stack.port);
    const runs = [];
    let capacity = 0;
    for (const n of counts) {
      const tokens = await signIns(http, n * SEATS);
      // The races' players arrive over arriveMs, a lobby at a time: its host opens it, three
      // friends join by code, the four sockets join, and the host starts it.
      const measured = await measureRun(stack, arriveMs, `races-${n}`, async (matchIds) =>
        (
          await Promise.all(
            Array.from({ length: n }, async (_, i) => {
              await sleep((i * arriveMs) / n);
              const seats = tokens.slice(i * SEATS, (i + 1) * SEATS);
              const lobby = await lobbyOfFour(http, seats);
              matchIds[i] = lobby.matchId;
              let joined = 0;
              let allIn: () => void = () => {};
              const everyoneIn = new Promise<void>((r) => {
                allIn = r;
              });
              const playing = seats.map((token) =>
                playRound(http, token, lobby.matchId, roundMs + 40_000, () => {
                  joined += 1;
                  if (joined === SEATS) allIn();
                }),
              );
              // A seat that never gets in ends its bot at the deadline: the race isn't started.
              const done = Promise.all(playing);
              await Promise.race([everyoneIn, done]);
              if (joined === SEATS)
                await http.rpc(lobby.host, RACE_LOBBY_START, { code: lobby.code });
              return done;
            }),
          )
        ).flat(),
      );
      const { results } = measured;
      const run = {
        races: n,
        players: tokens.length,
        ...measured.figures,
        rss_mb_per_race: measured.rssGrowthMb / n,
        payload_down_b_s: perPlayerPerS(results, "bytesIn"),
        payload_up_b_s: perPlayerPerS(results, "bytesOut"),
        wire_down_b_s: perPlayerPerS(results, "wireIn"),
        wire_up_b_s: perPlayerPerS(results, "wireOut"),
        inputs_per_s: perPlayerPerS(results, "inputsSent"),
      };
      const ok = run.completed === tokens.length && run.slow_loop_pct <= 1 && run.late_gap_pct <= 1;
      runs.push({ ...run, ok });
      for (const line of describeRun({ ...run, ok })) log(`races: ${line}`);
      if (!ok) break;
      capacity = n;
    }
    const matchmaking = await timeToMatch(http, searchers);
    log(
      `races: time to a match, ${matchmaking.searchers} searching: ${matchmaking.matched} matched, p50 ${matchmaking.p50_ms.toFixed(0)} ms, p99 ${matchmaking.p99_ms.toFixed(0)} ms (load ${loadAvg()})`,
    );
    return { runs, capacity, matchmaking };
  } finally {
    await stack.stop();
  }
}

type Run = Awaited<ReturnType<typeof measureRaces>>["runs"][number];

/** A run's lines: what it is judged on (the playing loops), then every phase's figures. */
function describeRun(x: Run): string[] {
  return [
    `${x.races} races (${x.players} players) arriving over ${x.arrive_ms / 1000} s, all playing for ${(x.all_playing_ms / 1000).toFixed(1)} s: ${x.completed} seats completed; while playing slow loops ${x.slow_loop_pct.toFixed(2)} %, late gaps ${x.late_gap_pct.toFixed(2)} % (max loop ${x.max_loop_ms} ms, max gap ${x.max_gap_ms} ms) ${x.ok ? "ok" : "FAIL"}`,
    `  every loop: slow ${x.all.slow_loop_pct.toFixed(2)} %, late gaps ${x.all.late_gap_pct.toFixed(2)} % (max loop ${x.all.max_loop_ms} ms, max gap ${x.all.max_gap_ms} ms)`,
    ...describePhases(x.phases, "  "),
    `  server CPU ${x.server_cpu_pct.toFixed(0)} % while all play (${x.server_cpu_pct_whole_run.toFixed(0)} % over the run), bots CPU ${x.bots_cpu_pct.toFixed(0)} % (apart), ${x.rss_mb_per_race.toFixed(2)} MB/race, per player payload ${x.payload_down_b_s.toFixed(0)} B/s down ${x.payload_up_b_s.toFixed(0)} B/s up (${x.inputs_per_s.toFixed(1)} INPUT/s), wire ${x.wire_down_b_s.toFixed(0)} / ${x.wire_up_b_s.toFixed(0)} B/s, load ${x.load_before} → ${x.load_after}`,
  ];
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
    ...r.runs.flatMap((x) => describeRun(x).map((line) => `  ${line}`)),
    ...implied,
    `  time to a match, ${r.matchmaking.searchers} searching: p50 ${r.matchmaking.p50_ms.toFixed(0)} ms, p99 ${r.matchmaking.p99_ms.toFixed(0)} ms (${r.matchmaking.matched} matched)`,
    `capacity races_4p: ${r.capacity}`,
  ].join("\n");
}
