import { Drawer } from 'antd';
import type { ReactNode } from 'react';

interface MobileNavProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
}

/** The side menu on phones: a drawer from the left (its own chunk: wide screens never load it). */
export const MobileNav = ({ open, onClose, title, children }: MobileNavProps) => (
  <Drawer
    open={open}
    onClose={onClose}
    placement="left"
    size={260}
    title={title}
    styles={{ body: { padding: 0 } }}
  >
    {children}
  </Drawer>
);
