// collectGarbage: a full collection on demand, so a session's builds start from one build's footprint.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/util/memory.js';

/** A large unreachable object, watched through a WeakRef. */
function garbage(): WeakRef<object> {
  const big = Array.from({ length: 300_000 }, (_, n) => ({ n, text: `entry ${n}` }));
  return new WeakRef(big);
}

describe('collectGarbage', () => {
  it('runs a full collection that frees unreachable objects', async () => {
    const ref = garbage();
    // A WeakRef keeps its target alive until the current job ends: let it end first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });

  it('can run again (the collector is looked up once)', () => {
    expect(collectGarbage()).toBe(true);
  });
});
