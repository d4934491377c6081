import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type TargetOption, targetLabel } from './target-labels';

export interface FieldRow {
  target: string;
  label: string;
  required: boolean;
}

interface WebFormFieldsEditorProps {
  options: readonly TargetOption[];
  /** Targets of the custom fields a customer must have (`custom.key`). */
  requiredTargets?: readonly string[];
  disabled?: boolean;
}

/** The form's fields in order: add from the targets, rename, mark required, move, remove. */
export const WebFormFieldsEditor = ({
  options,
  requiredTargets = [],
  disabled,
}: WebFormFieldsEditorProps) => {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // preserve: the target has no input of its own, and unregistered values are left out otherwise.
  const rows: FieldRow[] = Form.useWatch('fields', { form, preserve: true }) ?? [];
  const used = new Set(rows.map((row) => row.target));
  const available = options.filter((option) => !used.has(option.value));
  // Allowed (a lead is worth more than a complete record) but worth knowing before publishing.
  const requiredMissing = requiredTargets
    .filter((target) => !used.has(target))
    .map((target) => targetLabel(options, target));

  return (
    <Form.List name="fields">
      {(items, { add, remove, move }, { errors }) => (
        <Flex vertical gap={8}>
          {items.map((item, index) => {
            const name = targetLabel(options, rows[index]?.target ?? '');
            return (
              <Card key={item.key} size="small" data-testid="web-form-field">
                <Flex wrap="wrap" gap={8} align="center">
                  <Typography.Text strong style={{ minWidth: 96 }}>
                    {name}
                  </Typography.Text>
                  <Form.Item name={[item.name, 'target']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[item.name, 'label']} noStyle>
                    <Input
                      aria-label={t('webForms.labelFor', { name })}
                      placeholder={t('webForms.labelPlaceholder')}
                      maxLength={60}
                      disabled={disabled}
                      style={{ flex: '1 1 160px', minWidth: 0 }}
                    />
                  </Form.Item>
                  <Flex align="center" gap={4}>
                    <Form.Item name={[item.name, 'required']} valuePropName="checked" noStyle>
                      <Switch
                        size="small"
                        aria-label={t('webForms.requiredFor', { name })}
                        disabled={disabled}
                      />
                    </Form.Item>
                    <span>{t('webForms.required')}</span>
                  </Flex>
                  <Flex gap={4}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined aria-hidden />}
                      aria-label={t('webForms.moveUp', { name })}
                      disabled={disabled || index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined aria-hidden />}
                      aria-label={t('webForms.moveDown', { name })}
                      disabled={disabled || index === items.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('webForms.removeField', { name })}
                      disabled={disabled || items.length <= 1}
                      onClick={() => remove(index)}
                    />
                  </Flex>
                </Flex>
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          {requiredMissing.length > 0 ? (
            <Alert
              type="info"
              showIcon
              data-testid="required-not-on-form"
              title={t('webForms.requiredNotOnForm', {
                count: requiredMissing.length,
                names: requiredMissing.join(t('common.listSeparator')),
              })}
            />
          ) : null}
          {disabled ? null : (
            <Select<string>
              aria-label={t('webForms.addField')}
              placeholder={t('webForms.addField')}
              value={null}
              options={available}
              disabled={available.length === 0 || items.length >= 30}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(target) => add({ target, label: '', required: false })}
            />
          )}
        </Flex>
      )}
    </Form.List>
  );
};
