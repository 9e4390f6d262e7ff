// CPU time used by processes (Linux /proc), so a benchmark can say where each request's time goes even when other
// work shares the machine: wall-clock rates move with the load around them, CPU per request much less.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** user + system CPU milliseconds of one process (and of its waited-for children), 0 when it is gone. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    return ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The parent process id (0 when the process is gone). */
export function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** A process and all its children (PostgreSQL: the postmaster and its backends). */
function withChildren(root: number): number[] {
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  return [root, ...all.filter((pid) => parentOf(pid) === root)];
}

export const canMeasureCpu = existsSync('/proc/self/stat');

/**
 * CPU milliseconds used by named groups of processes between start() and stop(). A group is a pid, or
 * `{ childrenOf }` for a process with its children (listed at stop(); children gone in between are not counted).
 */
export function cpuMeter(groups: Record<string, number | { childrenOf: number }>) {
  const pids = (group: number | { childrenOf: number }) => (typeof group === 'number' ? [group] : withChildren(group.childrenOf));
  const read = () => Object.fromEntries(Object.entries(groups).map(([name, group]) => [name, new Map(pids(group).map((pid) => [pid, cpuMs(pid)]))]));
  let before = read();
  return {
    start() {
      before = read();
    },
    stop(): Record<string, number> {
      const after = read();
      return Object.fromEntries(
        Object.entries(after).map(([name, now]) => [name, [...now].reduce((sum, [pid, ms]) => sum + ms - (before[name].get(pid) ?? 0), 0)]),
      );
    },
  };
}
