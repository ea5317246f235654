// The names one RPC goes by, from the `<domain>/<snake_name>` a person gives `npm run new:rpc`:
// its id, the server domain folder it lives in, and the identifiers and file names derived
// from the id. Anything that would not make valid, unambiguous names is refused.
import fs from "node:fs";
import path from "node:path";
import { SetupError } from "./log";
import { repoRoot } from "./paths";

export const serverSrc = "apps/server/src";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with yield let static implements interface package private " +
    "protected public await arguments eval undefined"
  ).split(" "),
);

export interface RpcNames {
  /** snake_case, as Nakama knows it: claim_reward */
  id: string;
  /** the folder of apps/server/src: rounds */
  domain: string;
  /** the id's constant in contracts: CLAIM_REWARD */
  constant: string;
  /** the contract: claimReward */
  camel: string;
  /** the server handler: claimRewardHandler */
  handler: string;
  /** the client call: callClaimReward */
  call: string;
  /** the files' name: claim-reward */
  kebab: string;
}

/** A domain is a folder of apps/server/src; runtime/ is the machinery all domains share. */
function checkDomain(domain: string) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(domain)) {
    throw new SetupError(
      `"${domain}" is not a domain folder name: use lowercase letters and digits, words joined by "-" (e.g. rounds)`,
    );
  }
  if (domain === "runtime") {
    throw new SetupError(
      "runtime/ holds what all domains share, not RPCs: pick a domain (e.g. rounds)",
    );
  }
}

function domains() {
  return fs
    .readdirSync(path.join(repoRoot, serverSrc), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "runtime")
    .map((e) => e.name);
}

export function rpcNames(spec: string): RpcNames {
  const [domain, id, ...rest] = spec.split("/");
  if (domain === undefined || id === undefined || rest.length > 0) {
    throw new SetupError(
      `"${spec}" names no domain: write <domain>/<snake_case_id>, e.g. rounds/claim_reward (domains: ${domains().join(", ")})`,
    );
  }
  checkDomain(domain);
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(id)) {
    throw new SetupError(
      `"${id}" is not a snake_case RPC id: use lowercase letters and digits in words joined by "_", starting with a letter (e.g. claim_reward)`,
    );
  }
  if (id.length > 64) throw new SetupError(`"${id}" is longer than 64 characters`);
  const words = id.split("_");
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const camel = words.map((w, i) => (i === 0 ? w : cap(w))).join("");
  if (RESERVED.has(camel)) {
    throw new SetupError(`"${id}" would name a variable "${camel}", a JavaScript reserved word`);
  }
  return {
    id,
    domain,
    constant: id.toUpperCase(),
    camel,
    handler: `${camel}Handler`,
    call: `call${cap(camel)}`,
    kebab: words.join("-"),
  };
}
