// Where things live. Everything a run creates stays out of git: caches under the
// user's cache folder, a player's data under <repo>/.data.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** What deploys: the Nakama config, docker compose, the pinned versions. */
export const infraDir = path.join(repoRoot, "infra");
/** The player's data. GIFT_GRAB_DATA_DIR moves it (the infra recovery tests use a temp folder). */
export const dataDir = process.env.GIFT_GRAB_DATA_DIR || path.join(repoRoot, ".data");
export const serverDistDir = path.join(repoRoot, "apps/server/dist");
export const nakamaConfigFile = path.join(infraDir, "nakama/local.yml");
export const nakamaGoEnvFile = path.join(infraDir, "nakama/go.env");
export const versionsFile = path.join(infraDir, "versions.json");

/** A binary of the workspace's dependencies (turbo, biome), run without pnpm in between. */
export const workspaceBin = (name: string) => path.join(repoRoot, "node_modules/.bin", name);

export const cacheDir = path.join(
  process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"),
  "gift-grab",
);
