import {
  type CreatePool,
  createPoolSchema,
  customerLevels,
  defaultPoolRules,
  type Pool,
  type PoolRules,
  type ReclaimRule,
  updatePoolSchema,
} from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseWithSchema, showFormError } from '../../../app/forms';
import { buildTree } from '../../../components/tree';
import { useIsMobile } from '../../../components/use-is-mobile';
import { createPool, departmentsQueryOptions, poolKeys, updatePool } from '../api/pools-api';
import { UserMultiSelect } from './user-multi-select';

type Level = (typeof customerLevels)[number];
type LimitKey = 'warnDaysBefore' | 'dailyClaimQuota' | 'reclaimCooldownDays' | 'ownershipCap' | 'lockCap';
type SwitchKey = 'exemptWon' | 'exemptLocked' | 'capExcludesWon' | 'maskContacts';

const reclaimKeys = ['noFollowUpDays', 'noNewOpportunityDays', 'noDealDays'] as const;
const limitKeys: LimitKey[] = [
  'warnDaysBefore',
  'dailyClaimQuota',
  'reclaimCooldownDays',
  'ownershipCap',
  'lockCap',
];
const switchKeys: SwitchKey[] = ['exemptWon', 'exemptLocked', 'capExcludesWon', 'maskContacts'];

interface PoolFormValues {
  name: string;
  description?: string | null;
  departmentIds: string[];
  adminIds: string[];
  sort: number;
  rules: Omit<PoolRules, 'byLevel'>;
  levels: Record<Level, ReclaimRule & { enabled: boolean }>;
}

interface PoolSettingsDrawerProps {
  /** The pool to change; none: a new pool. */
  pool?: Pool;
  onClose: () => void;
  onSaved?: (pool: Pool) => void;
}

const emptyRule: ReclaimRule = { noFollowUpDays: null, noNewOpportunityDays: null, noDealDays: null };

const initialValues = (pool: Pool | undefined): PoolFormValues => {
  const { byLevel, ...rules } = pool?.rules ?? defaultPoolRules;
  const levels = Object.fromEntries(
    customerLevels.map((level) => {
      const rule = byLevel[level];
      return [level, { enabled: rule !== undefined, ...(rule ?? emptyRule) }];
    }),
  ) as PoolFormValues['levels'];
  return {
    name: pool?.name ?? '',
    description: pool?.description ?? '',
    departmentIds: pool?.departmentIds ?? [],
    adminIds: pool?.adminIds ?? [],
    sort: pool?.sort ?? 100,
    rules,
    levels,
  };
};

/** Empty inputs are sent as null (the rule is off). */
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);

type PoolPayload = Omit<CreatePool, 'rules'> & { rules: PoolRules };

const toPayload = (values: PoolFormValues): PoolPayload => {
  const rules = values.rules;
  const byLevel: PoolRules['byLevel'] = {};
  for (const level of customerLevels) {
    const entry = values.levels[level];
    if (!entry?.enabled) continue;
    byLevel[level] = {
      noFollowUpDays: numberOrNull(entry.noFollowUpDays),
      noNewOpportunityDays: numberOrNull(entry.noNewOpportunityDays),
      noDealDays: numberOrNull(entry.noDealDays),
    };
  }
  return {
    name: values.name?.trim() ?? '',
    description: values.description?.trim() || null,
    departmentIds: values.departmentIds ?? [],
    adminIds: values.adminIds ?? [],
    sort: values.sort ?? 100,
    rules: {
      reclaim: {
        noFollowUpDays: numberOrNull(rules.reclaim?.noFollowUpDays),
        noNewOpportunityDays: numberOrNull(rules.reclaim?.noNewOpportunityDays),
        noDealDays: numberOrNull(rules.reclaim?.noDealDays),
      },
      byLevel,
      exemptWon: Boolean(rules.exemptWon),
      exemptLocked: Boolean(rules.exemptLocked),
      warnDaysBefore: numberOrNull(rules.warnDaysBefore),
      dailyClaimQuota: numberOrNull(rules.dailyClaimQuota),
      reclaimCooldownDays: numberOrNull(rules.reclaimCooldownDays),
      ownershipCap: numberOrNull(rules.ownershipCap),
      lockCap: numberOrNull(rules.lockCap),
      capExcludesWon: Boolean(rules.capExcludesWon),
      maskContacts: Boolean(rules.maskContacts),
    },
  };
};

/** A pool's name, departments, administrators and rules (pools.manage). */
export const PoolSettingsDrawer = ({ pool, onClose, onSaved }: PoolSettingsDrawerProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PoolFormValues>();
  const departments = useQuery(departmentsQueryOptions);
  const treeData = useMemo(() => buildTree(departments.data?.items ?? []), [departments.data]);
  const levels = Form.useWatch('levels', form);

  const save = useMutation({
    mutationFn: (body: PoolPayload) => (pool ? updatePool(pool.id, body) : createPool(body)),
    onSuccess: async (saved) => {
      void message.success(pool ? t('pools.settings.saved') : t('pools.settings.created'));
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => showFormError(error, form, message),
  });

  const submit = (values: PoolFormValues) => {
    const payload = toPayload(values);
    const parsed = parseWithSchema(pool ? updatePoolSchema : createPoolSchema, payload, form, message);
    if (parsed) save.mutate(payload);
  };

  const days = (name: (string | number)[], label: string) => (
    <Form.Item name={name} label={label} style={{ marginBottom: 12 }}>
      <InputNumber<number>
        min={1}
        max={3650}
        precision={0}
        placeholder={t('pools.settings.off')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );

  return (
    <Drawer
      open
      title={pool ? t('pools.settings.titleEdit', { name: pool.name }) : t('pools.settings.titleNew')}
      size={isMobile ? '100%' : 600}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {pool ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<PoolFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(pool)}
        onFinish={submit}
        requiredMark
      >
        <Form.Item name="name" label={t('pools.settings.name')} required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('pools.settings.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="departmentIds"
          label={t('pools.settings.departments')}
          extra={t('pools.settings.departmentsHint')}
        >
          <TreeSelect
            treeData={treeData}
            multiple
            treeDefaultExpandAll
            allowClear
            loading={departments.isPending}
            placeholder={t('pools.settings.allDepartments')}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <Form.Item name="adminIds" label={t('pools.settings.admins')} extra={t('pools.settings.adminsHint')}>
          <UserMultiSelect placeholder={t('pools.settings.adminsPlaceholder')} />
        </Form.Item>

        <Divider titlePlacement="start">{t('pools.settings.reclaim')}</Divider>
        <Typography.Paragraph type="secondary">{t('pools.settings.reclaimHint')}</Typography.Paragraph>
        <Row gutter={12}>
          {reclaimKeys.map((key) => (
            <Col key={key} xs={24} sm={8}>
              {days(['rules', 'reclaim', key], t(`pools.rules.${key}`))}
            </Col>
          ))}
        </Row>
        {customerLevels.map((level) => (
          <div key={level}>
            <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
              <Form.Item name={['levels', level, 'enabled']} valuePropName="checked" noStyle>
                <Switch size="small" aria-label={t('pools.settings.levelOverride', { level })} />
              </Form.Item>
              <span>{t('pools.settings.levelOverride', { level })}</span>
            </Flex>
            {levels?.[level]?.enabled ? (
              <Row gutter={12}>
                {reclaimKeys.map((key) => (
                  <Col key={key} xs={24} sm={8}>
                    {days(
                      ['levels', level, key],
                      t('pools.settings.levelRule', { level, rule: t(`pools.rules.${key}`) }),
                    )}
                  </Col>
                ))}
              </Row>
            ) : null}
          </div>
        ))}

        <Divider titlePlacement="start">{t('pools.settings.limits')}</Divider>
        <Row gutter={12}>
          {limitKeys.map((key) => (
            <Col key={key} xs={24} sm={12}>
              <Form.Item name={['rules', key]} label={t(`pools.rules.${key}`)} style={{ marginBottom: 12 }}>
                <InputNumber<number>
                  min={key === 'lockCap' ? 0 : 1}
                  precision={0}
                  placeholder={t('pools.settings.off')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start">{t('pools.settings.switches')}</Divider>
        {switchKeys.map((key) => (
          <Flex key={key} gap={8} align="center" style={{ marginBottom: 12 }}>
            <Form.Item name={['rules', key]} valuePropName="checked" noStyle>
              <Switch size="small" aria-label={t(`pools.rules.${key}`)} />
            </Form.Item>
            <span>{t(`pools.rules.${key}`)}</span>
          </Flex>
        ))}
      </Form>
    </Drawer>
  );
};
