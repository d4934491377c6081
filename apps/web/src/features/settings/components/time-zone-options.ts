import { utcOffsetMinutes } from '@kehu/contracts';

/** The runtime's IANA time zones, each labelled with its UTC offset now ("Asia/Shanghai (UTC+08:00)"). */
export const timeZoneOptions = (current: string | undefined, at = new Date()) => {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  // Zones the list leaves out (UTC itself, or a name stored from elsewhere) stay choosable.
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones]
    .map((zone) => ({ zone, offset: offsetMinutes(zone, at) }))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone))
    .map(({ zone, offset }) => ({ value: zone, label: `${zone} (UTC${formatOffset(offset)})` }));
};

/** The wall-clock time it is now in `zone`, as "YYYY-MM-DD HH:mm". */
export const nowIn = (zone: string, at = new Date()): string => {
  try {
    return new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at);
  } catch {
    return '';
  }
};

/** A zone the runtime cannot format (it is in the list, so that is unlikely) sorts as UTC. */
const offsetMinutes = (zone: string, at: Date): number => {
  try {
    return utcOffsetMinutes(zone, at);
  } catch {
    return 0;
  }
};

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(absolute % 60).padStart(2, '0')}`;
};
