/**
 * The facilitator's countdown: for each touchpoint (it starts over on the next one) or for the
 * whole round. Pure values and functions of the clock's time, so pausing, leaving and coming back
 * are tested without waiting.
 */
export type TimerMode = 'touchpoint' | 'round';

export interface RoundTimer {
  readonly mode: TimerMode;
  readonly durationMs: number;
  /** Time left when it was last paused or started. */
  readonly leftMs: number;
  /** When it was started, or null while paused. */
  readonly runningSince: number | null;
}

export const TIMER_CHOICES: Readonly<Record<TimerMode, readonly number[]>> = {
  touchpoint: [30_000, 60_000, 120_000, 300_000],
  round: [300_000, 600_000, 900_000, 1_800_000],
};

export const newTimer = (mode: TimerMode, durationMs: number = TIMER_CHOICES[mode][1] as number): RoundTimer => ({ mode, durationMs, leftMs: durationMs, runningSince: null });

export const timeLeft = (timer: RoundTimer, now: number): number => (timer.runningSince === null ? timer.leftMs : Math.max(0, timer.leftMs - (now - timer.runningSince)));

export const isRunning = (timer: RoundTimer): boolean => timer.runningSince !== null;

export function pauseTimer(timer: RoundTimer, now: number): RoundTimer {
  return timer.runningSince === null ? timer : { ...timer, leftMs: timeLeft(timer, now), runningSince: null };
}

/** Starts (or restarts once run out) the countdown. */
export function startTimer(timer: RoundTimer, now: number): RoundTimer {
  if (timer.runningSince !== null) return timer;
  return { ...timer, leftMs: timer.leftMs > 0 ? timer.leftMs : timer.durationMs, runningSince: now };
}

export const toggleTimer = (timer: RoundTimer, now: number): RoundTimer => (isRunning(timer) ? pauseTimer(timer, now) : startTimer(timer, now));

/** A new touchpoint in front of the room: a per-touchpoint countdown starts over, stopped; the round's runs on. */
export const timerOnNextCard = (timer: RoundTimer): RoundTimer => (timer.mode === 'touchpoint' ? { ...timer, leftMs: timer.durationMs, runningSince: null } : timer);

/** "1:05", "0:09": minutes and seconds, rounded up so 0:00 means the time is up. */
export function clockText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
