/**
 * What else the machine was doing when a benchmark ran. Ratios against a baseline in the same
 * run survive a busy machine; walls and job-count speed-ups do not. With the kernel's autogroup
 * scheduling on (Linux's default for desktop sessions), `nice -n 19` does not keep processes
 * started from another terminal off the benchmark's cores: each session gets an equal share, so
 * a "niced" build next door can halve a two-job run. On a 2-core machine measured with other
 * work running, the 2-job summaries after the events grouping took 22–38 s where they took 13–15 s.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';

const read = (path) => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** `{cores, load1, autogroup, busy}`: 1-minute load average and whether it says other work is running. */
export function machineState() {
  const load1 = Number(read('/proc/loadavg')?.split(' ')[0] ?? NaN);
  const autogroup = read('/proc/sys/kernel/sched_autogroup_enabled');
  return { cores: availableParallelism(), load1, autogroup: autogroup === undefined ? undefined : autogroup === '1', busy: load1 > 0.5 };
}

/** Warns on stderr when the machine is busy, with what makes the walls comparable again. */
export function warnIfBusy(state = machineState()) {
  if (!state.busy) return;
  const fix = state.autogroup ? ' With autogroup scheduling on, nice does not help: stop the other work, or `echo 0 > /proc/sys/kernel/sched_autogroup_enabled` (root) and nice it.' : '';
  process.stderr.write(`bench: load average ${state.load1} before starting: other work is running, so walls and speed-ups will be off (ratios within one run hold).${fix}\n`);
}
