import { ExportOutlined, LockOutlined } from '@ant-design/icons';
import type { DuplicateCheckResult, DuplicateMatch } from '@kehu/contracts';
import { Alert, Button, Flex, List, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateRefusal } from '../api/duplicates-api';

/** "Owner: Li Lei · Department: East sales" (who to talk to before chasing the customer). */
const useOwnerLine = () => {
  const { t } = useTranslation();
  return (match: DuplicateMatch): string =>
    [
      match.ownerName
        ? t('duplicates.owner', { name: match.ownerName })
        : match.poolName
          ? t('duplicates.inPool', { pool: match.poolName })
          : t('duplicates.noOwner'),
      match.departmentName ? t('duplicates.department', { name: match.departmentName }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
};

/** The customer's name: a link (new tab, so the form keeps what was typed) when the user may open it. */
const MatchName = ({ match }: { match: DuplicateMatch }) => {
  const { t } = useTranslation();
  if (match.visible && match.customerId) {
    return (
      <Link
        to={`/customers/${encodeURIComponent(match.customerId)}`}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={t('duplicates.openInNewTab', { name: match.name })}
        style={{ overflowWrap: 'anywhere' }}
      >
        {match.name} <ExportOutlined aria-hidden style={{ fontSize: 12 }} />
      </Link>
    );
  }
  return <Typography.Text strong>{match.name}</Typography.Text>;
};

/** Every likely duplicate: what matched, how similar, whose it is, and whether the user may open it. */
export const DuplicateMatchList = ({ matches }: { matches: readonly DuplicateMatch[] }) => {
  const { t } = useTranslation();
  const ownerLine = useOwnerLine();
  return (
    <List
      size="small"
      dataSource={[...matches]}
      rowKey={(match) => `${match.customerId ?? ''}:${match.name}:${match.ownerName ?? ''}`}
      renderItem={(match) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
            <Flex wrap="wrap" gap={8} align="center">
              <MatchName match={match} />
              {match.action === 'block' ? (
                <Tag color="error" style={{ marginInlineEnd: 0 }}>
                  {t('duplicates.actions.block')}
                </Tag>
              ) : null}
            </Flex>
            <Flex wrap="wrap" gap={4} align="center">
              <Typography.Text type="secondary">{t('duplicates.matchedOn')}</Typography.Text>
              {match.matchedOn.map((kind) => (
                <Tag key={kind} color={kind === 'name' ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }}>
                  {t(`duplicates.kinds.${kind}`)}
                </Tag>
              ))}
              {match.similarity !== null ? (
                <Typography.Text type="secondary">
                  {t('duplicates.similarity', { percent: Math.round(match.similarity * 100) })}
                </Typography.Text>
              ) : null}
            </Flex>
            <Typography.Text type="secondary">{ownerLine(match)}</Typography.Text>
            {match.visible ? null : (
              <Typography.Text type="secondary">
                <LockOutlined aria-hidden /> {t('duplicates.notVisible')}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
};

interface DuplicateSaveModalProps {
  /** The refused save; unset: the modal is closed. */
  refusal: DuplicateRefusal | undefined;
  /** A warning only: save with acknowledgeDuplicates. */
  onSaveAnyway: () => void;
  onClose: () => void;
  saving: boolean;
}

/** A save answered with DUPLICATE_WARNING (confirm or cancel) or DUPLICATE_BLOCKED (close only). */
export const DuplicateSaveModal = ({ refusal, onSaveAnyway, onClose, saving }: DuplicateSaveModalProps) => {
  const { t } = useTranslation();
  const blocked = refusal?.code === 'DUPLICATE_BLOCKED';
  return (
    <Modal
      open={refusal !== undefined}
      title={blocked ? t('duplicates.blockedTitle') : t('duplicates.warningTitle')}
      onCancel={onClose}
      width={560}
      footer={
        blocked ? (
          <Button type="primary" onClick={onClose}>
            {t('duplicates.close')}
          </Button>
        ) : (
          <Flex justify="flex-end" gap={8} wrap="wrap">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" danger loading={saving} onClick={onSaveAnyway}>
              {t('duplicates.saveAnyway')}
            </Button>
          </Flex>
        )
      }
    >
      <Alert
        type={blocked ? 'error' : 'warning'}
        showIcon
        title={blocked ? t('duplicates.blockedText') : t('duplicates.warningText')}
        style={{ marginBottom: 8 }}
      />
      <DuplicateMatchList matches={refusal?.matches ?? []} />
    </Modal>
  );
};

const hintLimit = 3;

/** While typing: the top likely duplicates and their owners, under the form's top. */
export const DuplicateHint = ({ result }: { result: DuplicateCheckResult | undefined }) => {
  const { t } = useTranslation();
  const ownerLine = useOwnerLine();
  if (!result || result.verdict === 'none' || result.matches.length === 0) return null;
  const shown = result.matches.slice(0, hintLimit);
  const more = result.matches.length - shown.length;
  const blocked = result.verdict === 'block';
  return (
    <Alert
      role="status"
      type={blocked ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={blocked ? t('duplicates.hintBlocked') : t('duplicates.hintTitle')}
      description={
        <Flex vertical gap={2}>
          {shown.map((match) => (
            <div
              key={`${match.customerId ?? ''}:${match.name}:${match.ownerName ?? ''}`}
              style={{ overflowWrap: 'anywhere' }}
            >
              <MatchName match={match} />{' '}
              <Typography.Text type="secondary">
                (
                {match.matchedOn.map((kind) => t(`duplicates.kinds.${kind}`)).join(t('common.listSeparator'))}
                {match.similarity !== null
                  ? ` ${t('duplicates.percent', { percent: Math.round(match.similarity * 100) })}`
                  : ''}
                ) · {ownerLine(match)}
              </Typography.Text>
            </div>
          ))}
          {more > 0 ? (
            <Typography.Text type="secondary">{t('duplicates.more', { count: more })}</Typography.Text>
          ) : null}
        </Flex>
      }
    />
  );
};
