import { startGame } from "../src/app/start-game";
import { BenchScene } from "./bench";
import { installTestProbe } from "./probe";
import { launchFromUrl } from "./url-options";

// The test build's entry (`vite build --mode test`, served to the e2e and the fps bench): the
// game as a player gets it, plus the URL switches (?seed ?speed ?countdown ?bench), the bench
// round and the window API the tests read.
const { game, renderer } = startGame({
  scenes: [BenchScene],
  launch: launchFromUrl(window.location.search),
});
installTestProbe(game, renderer);
