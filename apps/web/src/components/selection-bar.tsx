import { Alert, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from './use-is-mobile';

interface SelectionBarProps {
  /** "3 selected". */
  count: ReactNode;
  /** Why an action is not available for this selection (e.g. too many), in red. */
  warning?: ReactNode;
  /** The buttons that act on the selection. */
  actions: ReactNode;
}

/**
 * The bar over a list with selected rows: how many, and what can be done with them. On a phone the
 * buttons go under the count: beside it they left the text one letter wide.
 */
export const SelectionBar = ({ count, warning, actions }: SelectionBarProps) => {
  const isMobile = useIsMobile();
  const buttons = (
    <Flex gap={8} wrap="wrap">
      {actions}
    </Flex>
  );
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      title={
        <Flex vertical={isMobile} gap={8}>
          <Flex gap={8} align="center" wrap="wrap">
            <Typography.Text>{count}</Typography.Text>
            {warning ? <Typography.Text type="danger">{warning}</Typography.Text> : null}
          </Flex>
          {isMobile ? buttons : null}
        </Flex>
      }
      action={isMobile ? undefined : buttons}
    />
  );
};

/** A card's checkbox changed: the selection with or without that id. */
export const toggledSelection = (ids: readonly string[], id: string, checked: boolean): string[] =>
  checked ? [...ids, id] : ids.filter((other) => other !== id);
