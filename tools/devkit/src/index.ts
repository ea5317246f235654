// What other packages import (by name: @gift-grab/devkit): throwaway stacks for tests and the
// bench, and the pieces they check against.
export { isHealthy, waitHealthy } from "./healthcheck";
export { repoRoot } from "./paths";
export { findFreePortBlock, isPortFree } from "./ports";
export {
  type Stack,
  startTestStack,
  type TestStack,
  type TestStackOptions,
} from "./stack";
