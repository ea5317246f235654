import { startGame } from "../src/app/start-game";
import { BenchScene } from "./bench";
import { capFrameRate, TEST_FRAME_RATE, wantsDisplayRate } from "./frame-rate";
import { installTestProbe } from "./probe";
import { launchFromUrl } from "./url-options";

// The test build's entry (`vite build --mode test`, served to the e2e and the fps bench): the
// game as a player gets it, plus the URL switches (?seed ?speed ?countdown ?bench ?frames), the bench
// round, the window API the tests read, and a 30 fps cap (frame-rate.ts says why).
if (!wantsDisplayRate(window.location.search)) capFrameRate(window, TEST_FRAME_RATE);
const { game, renderer } = startGame({
  scenes: [BenchScene],
  launch: launchFromUrl(window.location.search),
});
installTestProbe(game, renderer);
