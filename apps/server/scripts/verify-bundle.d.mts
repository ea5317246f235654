export class BundleRuleError extends Error {}
export function verifyBundle(source: string): {
  rpcs: { id: string; handler: string }[];
  hooks: { method: string; handler: string }[];
};
