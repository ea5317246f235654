import type { Orientation } from "@gift-grab/simulation";
import type { PauseWords } from "./pause-menu";

/** What the pause menu says when the screen's shape paused the round, turned or back. */
export function screenWords(turned: boolean, touch: boolean, orientation: Orientation): PauseWords {
  if (!turned) {
    return { title: "Paused", message: "The round fits the screen again.", resume: "Resume" };
  }
  const back = touch
    ? "Turn your phone back"
    : `Make the window ${orientation === "portrait" ? "taller" : "wider"} again`;
  return {
    title: "Paused: the screen turned",
    message: `${back} to continue at full size, or continue as it is.`,
    resume: "Continue as it is",
  };
}

/**
 * What a live round's pause menu says: why it paused (`screen`'s words when the screen
 * paused it), the pauses left, and when the server goes on by itself.
 */
export function livePauseWords(
  screen: PauseWords | null,
  pausesLeft: number,
  msLeft?: number,
): PauseWords {
  const left = pausesLeft === 1 ? "1 pause left" : `${pausesLeft} pauses left`;
  const goesOn =
    msLeft === undefined ? "" : ` It goes on by itself in ${Math.ceil(msLeft / 1000)} s.`;
  const quit = "The server plays it out without you and keeps what you scored so far.";
  if (screen)
    return { ...screen, message: `${screen.message} ${left} in this round.${goesOn}`, quit };
  return { title: "Paused", message: `${left} in this round.${goesOn}`, quit };
}
