import dayjs from 'dayjs';

/** An ISO instant from the API (UTC) shown in the browser's time zone. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';

/** A calendar date (YYYY-MM-DD) as it is: no time-zone shift. */
export const formatDate = (isoDate: string | null | undefined): string => isoDate ?? '';

export const emptyMark = '—';

// Country calling codes of two digits (ITU zones); 1 and 7 have one digit, all others three.
const twoDigitCallingCodes = new Set([
  '20',
  '27',
  '30',
  '31',
  '32',
  '33',
  '34',
  '36',
  '39',
  '40',
  '41',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '81',
  '82',
  '84',
  '86',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '98',
]);

/** Digits in blocks of four from the end ("2079460958" → "20 7946 0958"). */
const groupDigits = (digits: string): string => {
  const groups: string[] = [];
  let end = digits.length;
  while (end > 0) {
    groups.unshift(digits.slice(Math.max(0, end - 4), end));
    end -= 4;
  }
  return groups.join(' ');
};

/** A Chinese national number (after +86) as people write it. */
const formatChineseNumber = (national: string): string => {
  if (/^1\d{10}$/.test(national)) {
    return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  }
  if (/^[48]00\d{7}$/.test(national)) {
    return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
  }
  if (/^[2-9]\d{8,10}$/.test(national) || /^10\d{7,8}$/.test(national)) {
    const areaLength = national.startsWith('10') || national.startsWith('2') ? 2 : 3;
    const area = `0${national.slice(0, areaLength)}`;
    const local = national.slice(areaLength);
    return `${area}-${local.length === 8 ? `${local.slice(0, 4)} ${local.slice(4)}` : local}`;
  }
  return `+86 ${groupDigits(national)}`;
};

/**
 * A stored E.164 number (`+8613800138000`) shown readably: Chinese numbers the national way
 * (`138 0013 8000`, `010-8888 6666`, `0592-7558830`), others as `+1 415 555 2671`. Anything not in
 * E.164 is shown as it is. (No phone library: the bundle stays small.)
 */
export const formatPhone = (phone: string | null | undefined): string => {
  if (!phone) return '';
  if (!/^\+\d{6,15}$/.test(phone)) return phone;
  const digits = phone.slice(1);
  if (digits.startsWith('86')) return formatChineseNumber(digits.slice(2));
  if (digits.startsWith('1') && digits.length === 11) {
    return `+1 ${digits.slice(1, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  }
  const codeLength =
    digits.startsWith('7') || digits.startsWith('1')
      ? 1
      : twoDigitCallingCodes.has(digits.slice(0, 2))
        ? 2
        : 3;
  return `+${digits.slice(0, codeLength)} ${groupDigits(digits.slice(codeLength))}`;
};

/** The `tel:` link of a phone number (digits and a leading +). */
export const phoneHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;
