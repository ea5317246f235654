// CPU time of a stack's processes, read from /proc: it moves little with what else the
// machine runs, unlike latency or throughput.
import fs from "node:fs";
import path from "node:path";
import type { TestStack } from "@gift-grab/devkit";

const MS_PER_TICK = 10; // USER_HZ is 100 on Linux

/** User + system CPU of one process so far, ms (0 once it is gone). */
export function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

function parentOf(pid: string): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
  } catch {
    return -1;
  }
}

/** The postmaster and its children (backends, background workers). */
export function postgresCpuMs(stack: TestStack): number {
  const pidFile = path.join(stack.dir, "pg", "pgdata", "postmaster.pid");
  const postmaster = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  const children = fs
    .readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p) && parentOf(p) === postmaster);
  return [postmaster, ...children.map(Number)].reduce((sum, pid) => sum + cpuMs(pid), 0);
}
