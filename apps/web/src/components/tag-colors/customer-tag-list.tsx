import { Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTagColors } from './tag-colors-query';

/** One customer tag in its defined colour (plain when the tag has none). */
export const CustomerTag = ({ name, color }: { name: string; color?: string }) => (
  <Tag color={color} style={{ marginInlineEnd: 0 }} data-tag={name}>
    {name}
  </Tag>
);

/** A customer's tags, each in the colour an administrator gave it. */
export const CustomerTagList = ({ tags, empty }: { tags: readonly string[]; empty?: ReactNode }) => {
  const colors = useTagColors();
  if (tags.length === 0) return <>{empty ?? null}</>;
  return (
    <Flex wrap="wrap" gap={4}>
      {tags.map((tag) => (
        <CustomerTag key={tag} name={tag} color={colors.get(tag)} />
      ))}
    </Flex>
  );
};
