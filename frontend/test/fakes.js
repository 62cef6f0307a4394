// Fakes shared by the save-queue tests: a Web Storage in a map, and timers on a clock that only
// moves when a test advances it.

/** A Web Storage object in a map (the map is exposed for assertions). */
export function fakeStorage() {
  const map = new Map();
  return {
    map,
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => map.set(key, String(value)),
    removeItem: (key) => map.delete(key),
  };
}

/** Lets every promise callback that is already due run (a macrotask comes after all of them). */
export function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Timers on a clock that only moves when advanced. */
export function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  return {
    get now() {
      return now;
    },
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    /** Moves the clock on by `ms`, running each timer that falls due, in order. */
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        const [id, due] = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0] ?? [];
        if (!due) {
          break;
        }
        timers.delete(id);
        now = due.at;
        due.callback();
        await settle();
      }
      now = until;
    },
  };
}
