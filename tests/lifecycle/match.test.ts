// Matching parts of two versions: identity, identical text, similarity; what counts as moved.
import { describe, expect, it } from 'vitest';
import { match, movedPairs, similarity } from '../../src/lifecycle/match.js';

describe('similarity', () => {
  it('is the share of words in common, ignoring case and punctuation', () => {
    expect(similarity('Plan for all ages.', 'plan for ALL ages')).toBe(1);
    expect(similarity('a b c d', 'a b x y')).toBe(0.5);
    expect(similarity('one', 'two')).toBe(0);
  });
});

describe('match', () => {
  it('pairs by key first, then identical text, then the most similar above the threshold', () => {
    const m = match(
      [
        { key: 'k', text: 'old title' },
        { text: 'same text' },
        { text: 'the quick brown fox jumps' },
        { text: 'gone entirely' },
      ],
      [
        { text: 'the quick brown fox leaps' },
        { key: 'k', text: 'new title' },
        { text: 'same text' },
        { text: 'brand new' },
      ],
    );
    expect(m.pairs).toEqual([
      [2, 0],
      [0, 1],
      [1, 2],
    ]);
    expect(m.removed).toEqual([3]);
    expect(m.added).toEqual([3]);
  });

  it('never pairs parts of different kinds', () => {
    const m = match([{ kind: 'box', text: 'Vienna' }], [{ kind: 'paragraph', text: 'Vienna' }]);
    expect(m.pairs).toEqual([]);
  });
});

describe('movedPairs', () => {
  it('marks the fewest pairs whose order changed', () => {
    expect([
      ...movedPairs([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ]).toEqual([]);
    // Two sections swapped: one of them moved.
    expect(
      movedPairs([
        [1, 0],
        [0, 1],
      ]).size,
    ).toBe(1);
    // The last section moved to the front: only it moved.
    expect([
      ...movedPairs([
        [3, 0],
        [0, 1],
        [1, 2],
        [2, 3],
      ]),
    ]).toEqual([0]);
  });
});
