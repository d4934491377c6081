import { describe, expect, it } from 'vitest';
import { importPace, roughDuration } from './import-pace';

const started = '2026-12-01T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(started) + seconds * 1000);

describe('importPace', () => {
  it('is the rows per second since the start, and the time left from the share of the file read', () => {
    const pace = importPace(
      { startedAt: started, progress: { rowsDone: 30_000, bytesDone: 0, percent: 25 } },
      at(20),
    );
    expect(pace?.rowsPerSecond).toBe(1500);
    // A quarter in 20 s: three quarters to go take 60 s.
    expect(pace?.secondsLeft).toBe(60);
  });

  it('says nothing before the import has really started or before it has a pace', () => {
    expect(
      importPace({ startedAt: null, progress: { rowsDone: 0, bytesDone: 0, percent: 0 } }, at(20)),
    ).toBeNull();
    expect(
      importPace({ startedAt: started, progress: { rowsDone: 100, bytesDone: 0, percent: 1 } }, at(2)),
    ).toBeNull();
    expect(
      importPace({ startedAt: started, progress: { rowsDone: 10, bytesDone: 0, percent: 0.5 } }, at(30))
        ?.secondsLeft,
    ).toBeNull();
  });
});

describe('roughDuration', () => {
  it('rounds to what a person reads at a glance', () => {
    expect(roughDuration(12)).toEqual({ unit: 'seconds', count: 10 });
    expect(roughDuration(2)).toEqual({ unit: 'seconds', count: 5 });
    expect(roughDuration(170)).toEqual({ unit: 'minutes', count: 3 });
    expect(roughDuration(5400)).toEqual({ unit: 'hours', count: 1.5 });
  });
});
