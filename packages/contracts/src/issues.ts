import type * as z from "zod/mini";

/**
 * zod/mini ships no messages (keeping the server bundle small), so this says what a
 * rejected field needs, one short phrase per issue, naming the field.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.join(".") : "payload";
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_type":
      return `${field}: expected ${issue.expected}`;
    case "too_small":
      return `${field}: must be ${issue.origin === "string" ? "at least" : ">="} ${String(issue.minimum)}${issue.origin === "string" ? " characters" : ""}`;
    case "too_big":
      return `${field}: must be ${issue.origin === "string" ? "at most" : "<="} ${String(issue.maximum)}${issue.origin === "string" ? " characters" : ""}`;
    case "invalid_format":
      return `${field}: not a valid ${issue.format}`;
    case "invalid_value":
      return `${field}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "not_multiple_of":
      return `${field}: must be a multiple of ${String(issue.divisor)}`;
    default:
      return `${field}: ${issue.message || "invalid"}`;
  }
}

export function describeIssues(error: z.core.$ZodError, max = 5): string {
  return error.issues.slice(0, max).map(describeIssue).join("; ");
}
