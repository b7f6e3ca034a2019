// A tiny seeded random source (mulberry32), so every run of the demo shows the same class.

/**
 * @param {number} seed
 * @returns {() => number} uniform numbers in [0, 1)
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @typedef {ReturnType<typeof createRandom>} Random */

/** @param {number} seed */
export function createRandom(seed) {
  const next = mulberry32(seed);
  return {
    next,
    /** @param {number} probability */
    chance: (probability) => next() < probability,
    /** an integer in [min, max] @param {number} min @param {number} max */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** @template T @param {readonly T[]} items @returns {T} */
    pick: (items) => /** @type {T} */ (items[Math.floor(next() * items.length)]),
    /** bell-shaped noise, mean 0, within ±3 (sum of three uniforms) */
    noise: () => (next() + next() + next() - 1.5) * 2,
    /** @template T @param {readonly T[]} items @returns {T[]} a shuffled copy */
    shuffle(items) {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [/** @type {T} */ (copy[j]), /** @type {T} */ (copy[i])];
      }
      return copy;
    },
  };
}
