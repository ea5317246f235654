import type { ChildProcess } from "node:child_process";

export interface Stack {
  port: number;
  consolePort: number;
  databaseAddress: string;
  readonly nakama: ChildProcess;
  startNakama(): Promise<ChildProcess>;
  stopNakama(): Promise<void>;
  restartNakama(): Promise<void>;
  stop(): Promise<void>;
  pg: {
    stop(): Promise<boolean>;
    start(): Promise<boolean>;
    port: number;
    /** Runs one SQL command with psql (tuples only, unaligned): e.g. to plant rows in tests. */
    psql(sql: string, database?: string): { code: number; stdout: string; stderr: string };
  };
}

export interface TestStack extends Stack {
  dir: string;
  logFile: string;
  httpKey: string;
  serverKey: string;
}

export interface TestStackOptions {
  name?: string;
  /** Overlay on infra/nakama/local.yml, e.g. { session: { token_expiry_sec: 5 } }. */
  config?: Record<string, unknown>;
  /** runtime.env entries on top of local.yml's. */
  runtimeEnv?: Record<string, string>;
  /** Folder holding the module's index.js; default apps/server/dist. */
  runtimePath?: string;
}

export const DEV: { pgPort: number; port: number; consolePort: number; database: string };
export function startTestStack(options?: TestStackOptions): Promise<TestStack>;
export function baseRuntimeEnv(): Record<string, string>;
export function toYaml(value: Record<string, unknown>): string;
