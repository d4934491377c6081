import { Flex } from 'antd';
import type { ReactNode } from 'react';

/**
 * The buttons of a table row. On a phone their labels are hidden (index.html's style: the icons
 * stay, and each button's aria-label still names it), so the column stays narrow.
 */
export const RowActions = ({ children }: { children: ReactNode }) => (
  <Flex gap={4} wrap="wrap" className="row-actions" style={{ whiteSpace: 'nowrap' }}>
    {children}
  </Flex>
);

/** One icon button's width on a phone, gap included. */
const iconButtonPx = 32;

/**
 * The layout of a table's actions column: pinned to the right, so its buttons are in view while
 * the other columns scroll sideways, and on a phone as wide as its icon buttons.
 */
export const actionsColumnLayout = (isMobile: boolean, buttons: number, width: number) => ({
  key: 'actions',
  fixed: 'right' as const,
  width: isMobile ? 32 + buttons * iconButtonPx : width,
});
