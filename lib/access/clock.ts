// The time Access Requests run on: the real clock, moved forward only by the test hook
// (WIGI_TEST_HOOKS=1, never in production) so browser tests can let a request expire or lapse.
const state = globalThis as typeof globalThis & { __wigiClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (state.__wigiClockOffsetMs ?? 0));
}

/** Moves this process's clock forward (tests only; the caller checks that test hooks are on). */
export function advanceClock(ms: number): Date {
  state.__wigiClockOffsetMs = (state.__wigiClockOffsetMs ?? 0) + ms;
  return now();
}
