// What other packages import (by name: @gift-grab/devkit): throwaway real stacks for the
// server's integration tests, the e2e suite and the bench.
export {
  RAISED_LIMITS,
  startTestStack,
  type TestStack,
  type TestStackOptions,
} from "./stack";
