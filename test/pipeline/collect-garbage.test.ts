import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage, collectGarbageIfGrown } from '../../src/pipeline/collect-garbage.js';

const nextJob = () => new Promise((resolve) => setImmediate(resolve));

describe('collectGarbage', () => {
  it('reclaims an object nothing refers to any more, without waiting for V8 to decide', async () => {
    let target: { payload: Float64Array } | undefined = { payload: new Float64Array(1 << 20) };
    const ref = new WeakRef(target);
    target = undefined;
    await nextJob(); // a WeakRef keeps its target alive until the job that made it ends
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps what is still referenced', async () => {
    const kept = { payload: new Float64Array(16).fill(7) };
    const ref = new WeakRef(kept);
    await nextJob();
    collectGarbage();
    expect(ref.deref()?.payload[15]).toBe(7);
  });

  it('between phases, skips a collection until the heap has grown by a fifth since the last one', () => {
    collectGarbage();
    expect(collectGarbageIfGrown()).toBe(false);
    const live = getHeapStatistics().used_heap_size;
    const kept: Array<{ n: number; label: string }> = [];
    while (getHeapStatistics().used_heap_size < live * 1.3) for (let i = 0; i < 10_000; i++) kept.push({ n: kept.length, label: `item ${kept.length}` });
    expect(collectGarbageIfGrown()).toBe(true);
    expect(collectGarbageIfGrown()).toBe(false); // what it found was live: nothing new to reclaim
    expect(kept.at(-1)!.n).toBe(kept.length - 1);
  });
});
