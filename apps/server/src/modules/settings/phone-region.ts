import type { DataQualitySettings } from '@kehu/contracts';
import { type CountryCode, isCountryCode } from '../../platform/normalize/phone.normalize';

/** The configured default phone region, as libphonenumber's type (settings validate it on save). */
export const phoneRegionOf = (settings: Pick<DataQualitySettings, 'phoneRegion'>): CountryCode =>
  isCountryCode(settings.phoneRegion) ? settings.phoneRegion : 'CN';
