import { createDepartmentSchema, type Department, updateDepartmentSchema } from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseWithSchema, showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { buildTree, descendantIds } from '../../../components/tree';
import { adminKeys, createDepartment, updateDepartment } from '../api/admin-api';

interface DepartmentFormValues {
  name?: string;
  parentId?: string | null;
  sort?: number | null;
}

interface DepartmentFormModalProps {
  departments: readonly Department[];
  /** Set: edit it; unset: create one (under `parentId` if given). */
  department?: Department;
  parentId?: string | null;
  onClose: () => void;
}

export const DepartmentFormModal = ({
  departments,
  department,
  parentId,
  onClose,
}: DepartmentFormModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DepartmentFormValues>();
  const shape = createDepartmentSchema.shape;

  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.departments });
    void message.success(department ? t('departments.updated') : t('departments.created'));
    onClose();
  };
  const onError = (error: unknown) => showFormError(error, form, message, ['name', 'parentId', 'sort']);
  const save = useMutation({
    mutationFn: (values: DepartmentFormValues) => {
      const payload = {
        name: values.name?.trim() ?? '',
        parentId: values.parentId ?? null,
        sort: values.sort ?? 0,
      };
      if (department) {
        const body = parseWithSchema(updateDepartmentSchema, payload, form, message);
        if (!body) return Promise.resolve(undefined);
        return updateDepartment(department.id, body);
      }
      const body = parseWithSchema(createDepartmentSchema, payload, form, message);
      if (!body) return Promise.resolve(undefined);
      return createDepartment(body);
    },
    onSuccess: (result) => {
      if (result) onSuccess();
    },
    onError,
  });

  // A department cannot move under itself or one of its own sub-departments.
  const excluded = department ? descendantIds(departments, department.id) : new Set<string>();
  const parentChoices = departments.filter((item) => !excluded.has(item.id));

  return (
    <FormModal
      title={department ? t('departments.editTitle', { name: department.name }) : t('departments.newTitle')}
      okText={department ? t('common.save') : t('common.create')}
      form={form}
      saving={save.isPending}
      onClose={onClose}
    >
      <Form<DepartmentFormValues>
        form={form}
        layout="vertical"
        initialValues={{
          name: department?.name,
          parentId: department ? department.parentId : (parentId ?? null),
          sort: department?.sort ?? 0,
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="name" label={t('departments.fields.name')} required rules={[zodRule(shape.name)]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="parentId" label={t('departments.fields.parent')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={buildTree(parentChoices)}
            placeholder={t('departments.topLevel')}
          />
        </Form.Item>
        <Form.Item
          name="sort"
          label={t('departments.fields.sort')}
          extra={t('departments.sortHint')}
          rules={[zodRule(shape.sort)]}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
