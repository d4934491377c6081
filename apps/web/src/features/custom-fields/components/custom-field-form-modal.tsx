import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldType,
  createCustomFieldSchema,
  customFieldTypes,
  optionFieldTypes,
  updateCustomFieldSchema,
} from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client';
import { parseWithSchema, showFormError } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { useIsMobile } from '../../../components/use-is-mobile';
import { createCustomField, customFieldKeys, updateCustomField } from '../api/custom-fields-api';

interface OptionRow {
  value?: string;
  label?: string;
}

interface FieldFormValues {
  label?: string;
  key?: string;
  type: CustomFieldType;
  required: boolean;
  showInList: boolean;
  filterable: boolean;
  sort: number;
  options: OptionRow[];
}

const formFields = ['label', 'key', 'type', 'required', 'showInList', 'filterable', 'sort', 'options'];

/** "Company size" → "company_size"; undefined when the label has no Latin letters to start with. */
export const suggestKey = (label: string): string | undefined => {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return slug ? slug : undefined;
};

/** A stored option value for a new option: from its label when Latin, else `option_<n>`. */
const optionValueFor = (label: string | undefined, taken: Set<string>): string => {
  const base = (label && suggestKey(label)?.slice(0, 50)) || 'option';
  let candidate = base === 'option' ? `option_${taken.size + 1}` : base;
  let counter = 2;
  while (taken.has(candidate)) candidate = `${base}_${counter++}`;
  return candidate;
};

interface CustomFieldFormModalProps {
  entity: CustomFieldEntity;
  /** Set: edit this field; unset: create one. */
  field?: CustomField;
  /** A new field goes after these. */
  nextSort: number;
  onClose: () => void;
}

export const CustomFieldFormModal = ({ entity, field, nextSort, onClose }: CustomFieldFormModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FieldFormValues>();
  const keyTouched = useRef(Boolean(field));
  const type = Form.useWatch('type', form) ?? field?.type ?? 'text';
  const hasOptions = optionFieldTypes.includes(type);
  const existingValues = new Set(field?.options.map((option) => option.value) ?? []);

  const done = (saved: CustomField) => {
    void queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
    void message.success(
      field
        ? t('customFields.updated', { label: saved.label })
        : t('customFields.created', { label: saved.label }),
    );
    onClose();
  };
  const failed = (error: unknown) => {
    if (isApiError(error) && error.code === 'CUSTOM_FIELD_KEY_TAKEN') {
      form.setFields([{ name: 'key', errors: [t('customFields.keyTaken')] }]);
      return;
    }
    showFormError(error, form, message, formFields);
  };
  const create = useMutation({ mutationFn: createCustomField, onSuccess: done, onError: failed });
  const update = useMutation({
    mutationFn: (body: Parameters<typeof updateCustomField>[1]) => {
      if (!field) throw new Error('update without a field');
      return updateCustomField(field.id, body);
    },
    onSuccess: done,
    onError: failed,
  });

  const onFinish = (values: FieldFormValues) => {
    const taken = new Set<string>();
    const options = optionFieldTypes.includes(values.type)
      ? (values.options ?? []).map((option) => {
          const label = option.label?.trim() ?? '';
          const value = option.value?.trim() || optionValueFor(label, taken);
          taken.add(value);
          return { value, label };
        })
      : [];
    const common = {
      label: values.label?.trim() ?? '',
      required: values.required,
      showInList: values.showInList,
      filterable: values.filterable,
      sort: values.sort,
      options,
    };
    if (field) {
      const body = parseWithSchema(updateCustomFieldSchema, common, form, message);
      if (body) update.mutate(body);
    } else {
      const body = parseWithSchema(
        createCustomFieldSchema,
        { ...common, entity, key: values.key?.trim() ?? '', type: values.type },
        form,
        message,
      );
      if (body) create.mutate(body);
    }
  };

  const onValuesChange = (changed: Partial<FieldFormValues>) => {
    if ('key' in changed) keyTouched.current = Boolean(changed.key);
    if ('label' in changed && !field && !keyTouched.current) {
      form.setFieldValue('key', suggestKey(changed.label ?? '') ?? '');
    }
  };

  const initialValues: FieldFormValues = field
    ? {
        label: field.label,
        key: field.key,
        type: field.type,
        required: field.required,
        showInList: field.showInList,
        filterable: field.filterable,
        sort: field.sort,
        options: field.options,
      }
    : {
        type: 'text',
        required: false,
        showInList: false,
        filterable: false,
        sort: nextSort,
        options: [],
      };
  const half = { xs: 24, sm: 12 };
  const third = { xs: 24, sm: 8 };

  return (
    <FormModal
      title={field ? t('customFields.editTitle', { label: field.label }) : t('customFields.newTitle')}
      okText={field ? t('common.save') : t('common.create')}
      form={form}
      saving={create.isPending || update.isPending}
      onClose={onClose}
      width={isMobile ? '100%' : 640}
      style={isMobile ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
    >
      <Form<FieldFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="label"
              label={t('customFields.fields.label')}
              required
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input autoFocus maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="key"
              label={t('customFields.fields.key')}
              required={!field}
              extra={field ? t('customFields.keyFixed') : t('customFields.keyHelp')}
              rules={
                field
                  ? []
                  : [
                      { required: true, message: t('validation.required') },
                      { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('customFields.keyInvalid') },
                    ]
              }
            >
              <Input disabled={Boolean(field)} maxLength={40} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="type"
              label={t('customFields.fields.type')}
              required={!field}
              extra={field ? t('customFields.typeFixed') : undefined}
            >
              <Select
                disabled={Boolean(field)}
                options={customFieldTypes.map((value) => ({
                  value,
                  label: t(`customFields.types.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="sort" label={t('customFields.fields.sort')} extra={t('customFields.sortHelp')}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="required" label={t('customFields.fields.required')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="showInList" label={t('customFields.fields.showInList')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="filterable"
              label={t('customFields.fields.filterable')}
              tooltip={t('customFields.filterableHelp')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {hasOptions ? (
          <Form.Item label={t('customFields.fields.options')} required style={{ marginBottom: 0 }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('customFields.optionsHelp')}
            </Typography.Paragraph>
            <Form.List
              name="options"
              rules={[
                {
                  validator: async (_rule, rows: OptionRow[] | undefined) => {
                    if (!rows || rows.length === 0) throw new Error(t('customFields.optionsRequired'));
                  },
                },
              ]}
            >
              {(rows, { add, remove }, { errors }) => (
                <>
                  {rows.map((row, index) => {
                    const stored = form.getFieldValue(['options', row.name, 'value']) as string | undefined;
                    const isExisting = stored !== undefined && existingValues.has(stored);
                    return (
                      <Flex key={row.key} gap={8} align="flex-start">
                        <Form.Item
                          name={[row.name, 'label']}
                          style={{ flex: 2, minWidth: 0 }}
                          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                        >
                          <Input
                            maxLength={100}
                            placeholder={t('customFields.optionLabel')}
                            aria-label={t('customFields.optionLabelOf', { number: index + 1 })}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[row.name, 'value']}
                          style={{ flex: 1, minWidth: 0 }}
                          tooltip={t('customFields.optionValueHelp')}
                        >
                          <Input
                            maxLength={60}
                            disabled={isExisting}
                            placeholder={t('customFields.optionValue')}
                            aria-label={t('customFields.optionValueOf', { number: index + 1 })}
                            spellCheck={false}
                          />
                        </Form.Item>
                        {isExisting ? (
                          // Stored in records: an option in use is relabelled, never removed.
                          <Button
                            disabled
                            icon={<DeleteOutlined aria-hidden />}
                            title={t('customFields.optionKept')}
                          />
                        ) : (
                          <Button
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('customFields.removeOption', { number: index + 1 })}
                            onClick={() => remove(row.name)}
                          />
                        )}
                      </Flex>
                    );
                  })}
                  <Form.Item>
                    <Button
                      type="dashed"
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => add({ label: '', value: '' })}
                      disabled={rows.length >= 200}
                    >
                      {t('customFields.addOption')}
                    </Button>
                    <Form.ErrorList errors={errors} />
                  </Form.Item>
                </>
              )}
            </Form.List>
          </Form.Item>
        ) : null}
      </Form>
    </FormModal>
  );
};
