import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pipeline/collect-garbage.js';

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
});
