import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface CenteredCardProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Top-right corner of the page (e.g. the language switch). */
  corner?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The frame of pages outside the app (sign-in, first-run setup). */
export const CenteredCard = ({ title, subtitle, corner, width = 420, children }: CenteredCardProps) => (
  <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fa' }}>
    <Flex justify="space-between" align="center" style={{ padding: '12px 16px' }}>
      <Typography.Text strong style={{ fontSize: 18 }}>
        Kehu · 客户
      </Typography.Text>
      {corner}
    </Flex>
    <Flex justify="center" style={{ padding: '24px 12px 48px' }}>
      <Card style={{ width: '100%', maxWidth: width }}>
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 24 }}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
            {subtitle}
          </Typography.Paragraph>
        ) : null}
        {children}
      </Card>
    </Flex>
  </Flex>
);
