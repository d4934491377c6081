import { describe, expect, it } from 'vitest';
import { dateIn, nextWallTimeIn, startOfDayIn, utcOffsetMinutes } from './time-zones';

describe('days in a time zone', () => {
  it('starts Beijing days at 16:00 UTC the evening before', () => {
    expect(startOfDayIn('Asia/Shanghai', new Date('2026-12-01T15:59:59Z')).toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
    expect(startOfDayIn('Asia/Shanghai', new Date('2026-12-01T16:00:00Z')).toISOString()).toBe(
      '2026-12-01T16:00:00.000Z',
    );
    expect(dateIn('Asia/Shanghai', new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-02');
  });

  it('is the UTC day in UTC', () => {
    expect(startOfDayIn('UTC', new Date('2026-12-01T23:59:00Z')).toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('follows daylight saving time', () => {
    // New York: UTC-4 in summer, UTC-5 in winter; 2026-11-01 is the day the clocks go back.
    expect(startOfDayIn('America/New_York', new Date('2026-07-01T12:00:00Z')).toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    );
    expect(startOfDayIn('America/New_York', new Date('2026-12-01T12:00:00Z')).toISOString()).toBe(
      '2026-12-01T05:00:00.000Z',
    );
    expect(startOfDayIn('America/New_York', new Date('2026-11-01T20:00:00Z')).toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    // A half-hour zone.
    expect(startOfDayIn('Asia/Kolkata', new Date('2026-12-01T12:00:00Z')).toISOString()).toBe(
      '2026-11-30T18:30:00.000Z',
    );
  });
});

describe('UTC offsets', () => {
  it('gives minutes ahead of UTC, half hours and daylight saving time included', () => {
    const winter = new Date('2026-12-01T12:00:00Z');
    expect(utcOffsetMinutes('Asia/Shanghai', winter)).toBe(480);
    expect(utcOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
    expect(utcOffsetMinutes('America/New_York', winter)).toBe(-300);
    expect(utcOffsetMinutes('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe(-240);
  });
});

describe('the next local time of day', () => {
  const next = (timeZone: string, from: string, hour: number) =>
    nextWallTimeIn(timeZone, new Date(from), hour).toISOString();

  it('is today when the hour is still ahead, else tomorrow', () => {
    // 02:00 in Beijing is 18:00 UTC the evening before.
    expect(next('Asia/Shanghai', '2026-12-01T17:59:00Z', 2)).toBe('2026-12-01T18:00:00.000Z');
    expect(next('Asia/Shanghai', '2026-12-01T18:00:00Z', 2)).toBe('2026-12-02T18:00:00.000Z');
    expect(next('UTC', '2026-12-01T01:00:00Z', 2)).toBe('2026-12-01T02:00:00.000Z');
  });

  it('keeps the local hour across daylight saving time', () => {
    expect(next('America/New_York', '2026-07-01T12:00:00Z', 2)).toBe('2026-07-02T06:00:00.000Z');
    expect(next('America/New_York', '2026-12-01T12:00:00Z', 2)).toBe('2026-12-02T07:00:00.000Z');
    // 2026-11-01: the clocks go back at 02:00 EDT; the day after runs at 02:00 EST.
    expect(next('America/New_York', '2026-11-01T12:00:00Z', 2)).toBe('2026-11-02T07:00:00.000Z');
    // 2027-03-14: 02:00 does not exist (01:59 EST is followed by 03:00 EDT); that night's run is at 01:00 EST.
    expect(next('America/New_York', '2027-03-14T04:00:00Z', 2)).toBe('2027-03-14T06:00:00.000Z');
  });
});
