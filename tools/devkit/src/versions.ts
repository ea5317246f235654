// The pinned Nakama version and Postgres major (infra/versions.json, shared with compose and CI).
import fs from "node:fs";
import { versionsFile } from "./paths";

interface Versions {
  nakama: string;
  postgresMajor: number;
}

export const versions: Versions = JSON.parse(fs.readFileSync(versionsFile, "utf8"));
