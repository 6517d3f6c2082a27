/**
 * Matching the parts of two versions: first by identity (a label or id), then
 * by identical text, then by word similarity above a threshold. Used for
 * chapters, sections, paragraphs, boxes and recommendation items alike.
 */

/** Words of a text, lower-cased, for similarity. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}@]+/gu) ?? [];
}

function bag(text: string): { counts: Map<string, number>; size: number } {
  const list = words(text);
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { counts, size: list.length };
}

function dice(a: ReturnType<typeof bag>, b: ReturnType<typeof bag>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const [w, n] of b.counts) common += Math.min(n, a.counts.get(w) ?? 0);
  return (2 * common) / (a.size + b.size);
}

/** Dice coefficient of the two word multisets: 1 identical, 0 nothing in common. */
export function similarity(a: string, b: string): number {
  if (words(a).length === 0 && words(b).length === 0) return a.trim() === b.trim() ? 1 : 0;
  return dice(bag(a), bag(b));
}

export interface Matchable {
  /** Identity that survives edits (a label, a heading id); undefined when there is none. */
  key?: string;
  /** Text compared for identity and similarity. */
  text: string;
  /** Only items of the same kind match (e.g. a box never matches a paragraph). */
  kind?: string;
}

export interface Matching {
  /** [old index, new index], in new order. */
  pairs: Array<[number, number]>;
  removed: number[];
  added: number[];
}

export function match(before: Matchable[], after: Matchable[], threshold = 0.5): Matching {
  const oldTaken = new Set<number>();
  const pairOf = new Map<number, number>(); // new -> old
  const pass = (test: (o: Matchable, n: Matchable) => boolean) => {
    after.forEach((n, j) => {
      if (pairOf.has(j)) return;
      const i = before.findIndex(
        (o, i) => !oldTaken.has(i) && (o.kind ?? '') === (n.kind ?? '') && test(o, n),
      );
      if (i >= 0) {
        oldTaken.add(i);
        pairOf.set(j, i);
      }
    });
  };
  pass((o, n) => o.key !== undefined && o.key === n.key);
  pass((o, n) => o.text === n.text && (o.key === undefined || n.key === undefined));
  // Greedy best-first pairing of what is left by similarity.
  const candidates: Array<[number, number, number]> = [];
  const bagsBefore = before.map((o) => bag(o.text));
  const bagsAfter = after.map((n) => bag(n.text));
  after.forEach((n, j) => {
    if (pairOf.has(j)) return;
    before.forEach((o, i) => {
      if (oldTaken.has(i) || (o.kind ?? '') !== (n.kind ?? '')) return;
      if (o.key !== undefined && n.key !== undefined && o.key !== n.key) return;
      const score = dice(bagsBefore[i]!, bagsAfter[j]!);
      if (score >= threshold) candidates.push([score, i, j]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0] || a[2] - b[2]);
  for (const [, i, j] of candidates) {
    if (oldTaken.has(i) || pairOf.has(j)) continue;
    oldTaken.add(i);
    pairOf.set(j, i);
  }
  const pairs: Array<[number, number]> = [...pairOf].map(([j, i]) => [i, j]);
  pairs.sort((a, b) => a[1] - b[1]);
  return {
    pairs,
    removed: before.map((_, i) => i).filter((i) => !oldTaken.has(i)),
    added: after.map((_, j) => j).filter((j) => !pairOf.has(j)),
  };
}

/**
 * Pairs that changed their relative order: the complement of a longest
 * increasing run of old indices taken in new order (what a reader sees as moved).
 */
export function movedPairs(pairs: Array<[number, number]>): Set<number> {
  const seq = pairs.map(([i]) => i);
  const n = seq.length;
  const length = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let b = 0; b < n; b++)
    for (let a = 0; a < b; a++)
      if (seq[a]! < seq[b]! && length[a]! + 1 > length[b]!) {
        length[b] = length[a]! + 1;
        prev[b] = a;
      }
  let end = -1;
  for (let k = 0; k < n; k++) if (end < 0 || length[k]! > length[end]!) end = k;
  const keep = new Set<number>();
  for (let k = end; k >= 0; k = prev[k]!) keep.add(k);
  const moved = new Set<number>();
  for (let k = 0; k < n; k++) if (!keep.has(k)) moved.add(k);
  return moved;
}
