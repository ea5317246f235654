// What other packages import (by name: @gift-grab/devkit): throwaway real stacks for the
// server's integration tests, the e2e suite and the bench.
export { startTestStack, type TestStack, type TestStackOptions } from "./stack";
