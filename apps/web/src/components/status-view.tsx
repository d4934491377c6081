import {
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  QuestionCircleFilled,
  StopFilled,
} from '@ant-design/icons';
import { Flex, theme } from 'antd';
import type { ReactNode } from 'react';

export type StatusKind = 'error' | 'forbidden' | 'not-found' | 'info' | 'warning';

interface StatusViewProps {
  status: StatusKind;
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}

/** A light stand-in for antd's Result (whose illustrations would weigh on the first load). */
export const StatusView = ({ status, title, description, extra }: StatusViewProps) => {
  const { token } = theme.useToken();
  const icon = {
    error: <CloseCircleFilled style={{ color: token.colorError }} />,
    forbidden: <StopFilled style={{ color: token.colorWarning }} />,
    'not-found': <QuestionCircleFilled style={{ color: token.colorTextTertiary }} />,
    info: <InfoCircleFilled style={{ color: token.colorPrimary }} />,
    warning: <ExclamationCircleFilled style={{ color: token.colorWarning }} />,
  }[status];
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '48px 16px', textAlign: 'center' }}>
      <span style={{ fontSize: 56, lineHeight: 1 }} aria-hidden>
        {icon}
      </span>
      <h2 style={{ margin: 0, fontSize: 22, fontWeight: 600, color: token.colorTextHeading }}>{title}</h2>
      {description ? (
        <p style={{ margin: 0, color: token.colorTextSecondary, maxWidth: 560 }}>{description}</p>
      ) : null}
      {extra ? <div style={{ marginTop: 12 }}>{extra}</div> : null}
    </Flex>
  );
};
