import type * as Phaser from "phaser";

/** Phaser.Scenes.Events.SHUTDOWN and DESTROY (strings, so this module loads without Phaser). */
const ENDS = ["shutdown", "destroy"] as const;

/**
 * The one way a scene awaits anything (a network call above all): `await whileRunning(this,
 * net.stats())`. The result arrives only if the scene has not shut down since the call; after
 * a shutdown it never arrives (and a failure is dropped), so no continuation can touch the
 * scene's destroyed objects. Phaser reuses a scene's instance when it starts again, so
 * "running now" is not enough: a shutdown in between ends the wait even if the scene is back.
 * A unit test and a source check (test/scenes/awaits.test.ts) hold every scene to it.
 */
export function whileRunning<T>(scene: Phaser.Scene, work: Promise<T>): Promise<T> {
  const events = scene.sys.events;
  let running = true;
  const stop = () => {
    running = false;
  };
  for (const end of ENDS) events.once(end, stop);
  const settle = () => {
    for (const end of ENDS) events.off(end, stop);
    return running;
  };
  return new Promise<T>((resolve, reject) => {
    work.then(
      (value) => {
        if (settle()) resolve(value);
      },
      (err: unknown) => {
        if (settle()) reject(err);
      },
    );
  });
}
