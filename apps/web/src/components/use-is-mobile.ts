import { useSyncExternalStore } from 'react';

/** antd's `md` breakpoint: below 768 px the layout turns into its phone form. */
const phoneQuery = '(max-width: 767.98px)';

const subscribe = (onChange: () => void) => {
  const media = window.matchMedia(phoneQuery);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

const snapshot = () => window.matchMedia(phoneQuery).matches;

export const useIsMobile = (): boolean => useSyncExternalStore(subscribe, snapshot, () => false);
