import type { ReactNode } from 'react';

/** Text for screen readers and accessible names only. */
export const VisuallyHidden = ({ children }: { children: ReactNode }) => (
  <span
    style={{
      position: 'absolute',
      width: 1,
      height: 1,
      padding: 0,
      margin: -1,
      overflow: 'hidden',
      clip: 'rect(0, 0, 0, 0)',
      whiteSpace: 'nowrap',
      border: 0,
    }}
  >
    {children}
  </span>
);
