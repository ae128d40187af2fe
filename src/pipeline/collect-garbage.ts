/**
 * A full garbage collection between the phases of a large run (summarize-parallel.ts). V8 lets a
 * heap grow to about twice what is live before it collects, and when a phase ends what it built
 * is garbage that nothing asks to reclaim: after the events summary on 20k articles, 470 MB of
 * its typed arrays stayed allocated while the other summaries' results arrived, and the run's
 * peak RSS was there. A collection at that point costs a fraction of a second on such a run.
 *
 * Node has no API for it: the `gc` function of `--expose-gc` is made available the way
 * test runners do it (jest-leak-detector), and when that fails this does nothing, as V8 then
 * collects on its own schedule.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined | null = null;
/** Bytes in use after this thread's last collection (module state is per thread). */
let liveAfterLast = 0;
/**
 * Growth of the heap since the last collection below which a collection between phases is
 * skipped: on 20k articles, 6 of the 12 such collections of one run reclaimed 1–68 MB of a
 * ≈ 520 MB heap and took 0.21–0.49 s each; the ones that mattered found 20–130 % more than was
 * live after the previous one.
 */
const MIN_GROWTH = 0.2;

function exposeGc(): (() => void) | undefined {
  const global = globalThis as { gc?: () => void };
  if (typeof global.gc === 'function') return global.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc'); // only the context made here gets it
    return typeof gc === 'function' ? gc : undefined;
  } catch {
    return undefined;
  }
}

/** Collects garbage now (a full, blocking collection of this thread's heap). */
export function collectGarbage(): void {
  if (collect === null) collect = exposeGc();
  collect?.();
  liveAfterLast = getHeapStatistics().used_heap_size;
}

/** collectGarbage() between phases, when the heap has grown by MIN_GROWTH since the last one; true when it collected. */
export function collectGarbageIfGrown(): boolean {
  if (getHeapStatistics().used_heap_size < liveAfterLast * (1 + MIN_GROWTH)) return false;
  collectGarbage();
  return true;
}
