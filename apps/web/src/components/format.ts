import dayjs from 'dayjs';

/** An ISO instant from the API (UTC) shown in the browser's time zone. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';

/** A calendar date (YYYY-MM-DD) as it is: no time-zone shift. */
export const formatDate = (isoDate: string | null | undefined): string => isoDate ?? '';

export const emptyMark = '—';
