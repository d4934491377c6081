import { describe, expect, it } from 'vitest';
import { dateIn, startOfDayIn, utcOffsetMinutes } from './time-zones';

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
