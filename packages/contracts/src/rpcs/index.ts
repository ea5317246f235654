import { leaderboardView } from "./leaderboard-view";
import { liveRoundCreate } from "./live-round-create";
import { playerStatsGet } from "./player-stats-get";
import { raceGet } from "./race-get";
import { raceLobbyCreate } from "./race-lobby-create";
import { raceLobbyJoin } from "./race-lobby-join";
import { raceLobbyRematch } from "./race-lobby-rematch";
import { raceLobbyStart } from "./race-lobby-start";
import { raceWithBots } from "./race-with-bots";
import { replayGet } from "./replay-get";
import { reviewDecide } from "./review-decide";
import { reviewList } from "./review-list";
import { sessionCheck } from "./session-check";
import { sessionLogout } from "./session-logout";
import { sessionLogoutAll } from "./session-logout-all";

export * from "./leaderboard-view";
export * from "./live-round-create";
export * from "./player-stats-get";
export * from "./race-get";
export * from "./race-lobby-create";
export * from "./race-lobby-join";
export * from "./race-lobby-rematch";
export * from "./race-lobby-start";
export * from "./race-with-bots";
export * from "./replay-get";
export * from "./review-decide";
export * from "./review-list";
export * from "./session-check";
export * from "./session-logout";
export * from "./session-logout-all";

/**
 * Every RPC the server registers: the server's registry must hold exactly one handler for each
 * (apps/server/src/main.ts), and tests call each one to prove it reaches its own handler. A
 * contract's `caller` says whether players or only the game's servers may call it (rpc.ts).
 */
export const allRpcs = [
  sessionCheck,
  leaderboardView,
  playerStatsGet,
  sessionLogout,
  sessionLogoutAll,
  replayGet,
  liveRoundCreate,
  raceWithBots,
  raceGet,
  raceLobbyCreate,
  raceLobbyJoin,
  raceLobbyStart,
  raceLobbyRematch,
  reviewList,
  reviewDecide,
] as const;
