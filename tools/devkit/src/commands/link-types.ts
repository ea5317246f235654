// Links the nkruntime types into apps/server/generated/ (what typecheck needs), nothing else:
// a fresh clone that already ran `pnpm install` is then ready to typecheck and build.
import { linkNakamaTypes } from "../setup";

export async function main() {
  linkNakamaTypes();
  return 0;
}
