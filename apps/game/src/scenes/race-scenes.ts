import { RaceScene } from "./race";
import { RaceLobbyScene } from "./race-lobby";
import { RaceMenuScene } from "./race-menu";
import { RaceResultsScene } from "./race-results";
import { RaceWatchScene } from "./race-watch";

/** The race's scenes by key: one chunk, loaded when a player first goes racing (open-race.ts). */
export const raceScenes = {
  RaceMenu: RaceMenuScene,
  RaceLobby: RaceLobbyScene,
  Race: RaceScene,
  RaceResults: RaceResultsScene,
  RaceWatch: RaceWatchScene,
} as const;
