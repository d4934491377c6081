/** Small helpers shared by the benchmark scripts. */
import fs from 'node:fs';

export const argValue = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

export const hasFlag = (name: string): boolean => process.argv.includes(name);

export const formatBytes = (bytes: number): string =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(2)} GiB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(1)} MiB`
      : `${(bytes / 1024).toFixed(1)} KiB`;

/** Busy CPU time of the whole machine and of some processes, in clock ticks (Linux /proc). */
export interface CpuSnapshot {
  at: number;
  busy: number;
  ours: number;
}

const ticksOf = (pid: number): number => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
};

export function cpuSnapshot(pids: number[]): CpuSnapshot | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...values] = line.trim().split(/\s+/).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = values;
    return {
      at: performance.now(),
      busy: user + nice + system + irq + softirq + steal,
      ours: pids.reduce((sum, pid) => sum + ticksOf(pid), 0),
    };
  } catch {
    return undefined;
  }
}

/** CPU used by other processes between two snapshots, in cores (100 ticks per second). */
export function foreignCores(
  before: CpuSnapshot | undefined,
  after: CpuSnapshot | undefined,
): number | undefined {
  if (!before || !after) return undefined;
  const seconds = (after.at - before.at) / 1000;
  return Math.max(0, after.busy - before.busy - (after.ours - before.ours)) / 100 / seconds;
}
