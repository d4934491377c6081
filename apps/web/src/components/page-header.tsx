import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
}

/** A page title with its actions; actions wrap under the title on narrow screens. */
export const PageHeader = ({ title, extra, children }: PageHeaderProps) => (
  <div style={{ marginBottom: 16 }}>
    <Flex wrap="wrap" gap={12} align="center" justify="space-between">
      <Typography.Title level={3} style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
        {title}
      </Typography.Title>
      {extra ? (
        <Flex wrap="wrap" gap={8}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
    {children}
  </div>
);
