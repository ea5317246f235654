import { RaceMatchmaker } from "@gift-grab/contracts";
import { joinSeat } from "../live/join-seat";
import { LiveMatch } from "../live/live-match";
import { callRaceLobbyCreate } from "../rpcs/race-lobby-create";
import { callRaceLobbyJoin } from "../rpcs/race-lobby-join";
import { callRaceLobbyRematch } from "../rpcs/race-lobby-rematch";
import { callRaceWithBots } from "../rpcs/race-with-bots";
import type { GameNet, QuickRace, RaceRoomInfo, RaceTicket } from "../types";
import { RaceRoom } from "./race-room";
import { RaceSearch, type RaceSearchDeps } from "./race-search";

/**
 * A race's START waits for every seat: the slowest player's join, up to the server's
 * raceJoinWaitMs (10 s) before bots take the missing seats, and a margin.
 */
const RACE_START_TIMEOUT_MS = 15_000;

export interface RacesDeps {
  net: Pick<GameNet, "rpc">;
  link: RaceSearchDeps["link"];
  /** The match this device plays (left on sign-out and stepping aside). */
  playing: (match: LiveMatch) => void;
}

/** The ways into a race (docs/realtime.md "The race"): quick, with friends by code, rematch. */
export class Races {
  constructor(private readonly deps: RacesDeps) {}

  quick(): QuickRace {
    const search = new RaceSearch({
      link: this.deps.link,
      withBots: async () =>
        (await callRaceWithBots(this.deps.net, { seats: RaceMatchmaker.maxCount })).match_id,
    });
    return {
      ticket: search.find().then((matchId) => this.joinMatch(matchId, null)),
      cancel: () => search.cancel(),
    };
  }

  async host(): Promise<RaceRoom> {
    const lobby = await callRaceLobbyCreate(this.deps.net, {});
    return this.enter(lobby.match_id, {
      code: lobby.code,
      host: true,
      seat: 0,
      expiresAt: lobby.expires_at,
    });
  }

  /** A seat in a friend's lobby by its code (the link's or as typed). */
  async joinByCode(code: string): Promise<RaceRoom> {
    const seat = await callRaceLobbyJoin(this.deps.net, { code });
    return this.enter(seat.match_id, {
      code,
      host: seat.seat === 0,
      seat: seat.seat,
      expiresAt: seat.expires_at,
    });
  }

  /** A race's match (the matchmaker's, the bots', a rematch's): joined, START received. */
  async joinMatch(matchId: string, lobby: RaceRoomInfo | null): Promise<RaceTicket> {
    const joined = await joinSeat(this.deps.link, matchId, {
      startTimeoutMs: RACE_START_TIMEOUT_MS,
    });
    this.deps.playing(joined.match);
    return { ...joined, lobby };
  }

  async rematch(code: string): Promise<void> {
    await callRaceLobbyRematch(this.deps.net, { code });
  }

  private async enter(matchId: string, info: RaceRoomInfo): Promise<RaceRoom> {
    const match = new LiveMatch({ link: this.deps.link, matchId });
    try {
      await match.enter();
    } catch (err) {
      match.leave();
      throw err;
    }
    this.deps.playing(match);
    return new RaceRoom(this.deps.net, match, info);
  }
}
