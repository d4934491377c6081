import type { CustomerType, DuplicateGroup } from '@kehu/contracts';
import { Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { emptyMark, formatDateTime, formatPhone } from '../../../components/format';

interface DuplicateGroupCardProps {
  group: DuplicateGroup;
  onMerge: () => void;
  onDismiss: () => Promise<unknown>;
}

/** One group of likely duplicates: what matched, each member, and the two ways to resolve it. */
export const DuplicateGroupCard = ({ group, onMerge, onDismiss }: DuplicateGroupCardProps) => {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="duplicate-group"
      title={
        <Flex gap={6} wrap="wrap" align="center" style={{ fontWeight: 'normal', padding: '4px 0' }}>
          <Typography.Text type="secondary">{t('duplicateGroups.matchedOn')}</Typography.Text>
          {group.matchedOn.map((kind) => (
            <Tag key={kind} color="orange" style={{ marginInlineEnd: 0 }}>
              {kind === 'name' && group.similarity !== null
                ? t('duplicates.similarity', { percent: Math.round(group.similarity * 100) })
                : t(`duplicates.kinds.${kind}`)}
            </Tag>
          ))}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Button size="small" type="primary" onClick={onMerge}>
            {t('duplicateGroups.mergeAction')}
          </Button>
          <Popconfirm
            title={t('duplicateGroups.dismissConfirm')}
            okText={t('duplicateGroups.dismiss')}
            cancelText={t('common.cancel')}
            onConfirm={onDismiss}
          >
            <Button size="small">{t('duplicateGroups.dismiss')}</Button>
          </Popconfirm>
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        {group.members.map((member) => (
          <div key={member.id} style={{ minWidth: 0 }}>
            <Flex gap={8} wrap="wrap" align="center">
              <Link to={`/customers/${member.id}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {member.name}
              </Link>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`customers.types.${member.type as CustomerType}`)}</Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', overflowWrap: 'anywhere' }}>
              {[
                member.ownerName ?? t('duplicates.noOwner'),
                member.departmentName,
                member.phones.map((phone) => formatPhone(phone)).join(', '),
                member.email,
                [member.province, member.city].filter(Boolean).join(' '),
              ]
                .filter(Boolean)
                .join(' · ') || emptyMark}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('duplicateGroups.created', { time: formatDateTime(member.createdAt) })}
            </Typography.Text>
          </div>
        ))}
      </Flex>
    </Card>
  );
};
