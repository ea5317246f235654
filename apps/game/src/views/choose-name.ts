import type * as Phaser from "phaser";
import { whileRunning } from "../core/while-running";
import { getNet } from "../net/current-net";
import { displayNameRule } from "../net/messages";
import { SignInFailure } from "../net/types";
import { openForm } from "./html-form";

/**
 * "Choose your name", a new guest's first step: the name the board shows, prefilled with the
 * generated one. Resolves once a name is saved or kept; never if the scene shuts down.
 */
export function chooseName(scene: Phaser.Scene): Promise<void> {
  const net = getNet();
  const current = net.session()?.displayName ?? "";
  return new Promise((resolve) => {
    const done = () => {
      form.close();
      resolve();
    };
    const form = openForm({
      title: "Choose your name",
      intro: "This is the name other players see on the leaderboard.",
      rules: displayNameRule,
      fields: [{ name: "name", label: "Your name", type: "text", autocomplete: "nickname" }],
      actions: [
        {
          label: "Play",
          submit: true,
          onClick: (v) => {
            const name = v.name ?? "";
            if (name === current) return done();
            form.setBusy(true);
            whileRunning(scene, net.setDisplayName(name)).then(done, (err: unknown) => {
              form.setBusy(false);
              form.setError(err instanceof SignInFailure ? err.message : "Couldn't save the name.");
            });
          },
        },
      ],
    });
    form.setValue("name", current);
    scene.events.once("shutdown", () => form.close());
  });
}

/** Play as guest: a guest this sign-in created chooses their name before going on. */
export async function playAsGuest(scene: Phaser.Scene): Promise<void> {
  if (await getNet().signInAsGuest()) await chooseName(scene);
}

/** Save progress: the name (when changed) first, so a refused name links nothing. */
export async function saveProgress(name: string, email: string, password: string): Promise<void> {
  const net = getNet();
  if (name !== (net.session()?.displayName ?? "")) await net.setDisplayName(name);
  await net.linkEmail(email, password);
}
