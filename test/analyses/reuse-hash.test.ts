import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aJoined, minhash, shingleHashes, shingleMinhash } from '../../analyses/reuse/hash.js';

// The allocation-free hashing used per article must give the very signatures of the plain
// definitions (cached fingerprints stay valid).
const words = fc.array(fc.constantFrom('the', 'river', 'rose', "isn't", 'é', '', 'a b', '“x”'), { maxLength: 14 });

describe('reuse hashing', () => {
  it('hashes joined words without joining them', () => {
    fc.assert(
      fc.property(words, fc.nat(14), fc.nat(14), (ws, a, b) => {
        const [from, to] = [Math.min(a, b, ws.length), Math.min(Math.max(a, b), ws.length)];
        expect(fnv1aJoined(ws, from, to)).toBe(fnv1a(ws.slice(from, to).join(' ')));
      }),
    );
  });

  it('gives the MinHash of the shingle set, for any slice and shingle size', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 5 }), fc.nat(14), (ws, n, from) => {
        const start = Math.min(from, ws.length);
        for (const k of [12, 64]) expect(shingleMinhash(ws, n, k, start)).toEqual(minhash(shingleHashes(ws.slice(start), n), k));
      }),
    );
  });
});
