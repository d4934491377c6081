import {
  type PermissionModule,
  type Permissions,
  permissionModuleNames,
  permissionModules,
} from '@kehu/contracts';
import { Checkbox, Flex, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateKey } from '../../../app/i18n';
import { VisuallyHidden } from '../../../components/visually-hidden';

interface PermissionMatrixProps {
  value?: Permissions;
  onChange?: (value: Permissions) => void;
  disabled?: boolean;
}

const moduleLabel = (module: string) => translateKey(`roles.modules.${module}`, module);
const actionLabel = (action: string) => translateKey(`roles.actions.${action}`, action);

/** Modules × actions (from contracts' permissionModules), one checkbox each, plus "all" per module. */
export const PermissionMatrix = ({ value = {}, onChange, disabled }: PermissionMatrixProps) => {
  const { t } = useTranslation();
  const set = (module: PermissionModule, actions: string[]) => {
    const allowed: readonly string[] = permissionModules[module];
    onChange?.({ ...value, [module]: allowed.filter((action) => actions.includes(action)) });
  };

  const columns: TableColumnsType<{ module: PermissionModule }> = [
    {
      key: 'module',
      title: t('roles.fields.module'),
      width: 170,
      render: (_, { module }) => {
        const all: readonly string[] = permissionModules[module];
        const granted = value[module] ?? [];
        return (
          <Checkbox
            disabled={disabled}
            checked={granted.length === all.length}
            indeterminate={granted.length > 0 && granted.length < all.length}
            onChange={(event) => set(module, event.target.checked ? [...all] : [])}
          >
            <strong>{moduleLabel(module)}</strong>
            <VisuallyHidden>{` (${t('roles.allActions')})`}</VisuallyHidden>
          </Checkbox>
        );
      },
    },
    {
      key: 'actions',
      title: t('roles.fields.actions'),
      render: (_, { module }) => (
        <Checkbox.Group
          disabled={disabled}
          value={value[module] ?? []}
          onChange={(actions) => set(module, actions.map(String))}
        >
          <Flex wrap="wrap" gap={4}>
            {permissionModules[module].map((action) => (
              <Checkbox key={action} value={action}>
                <VisuallyHidden>{`${moduleLabel(module)}: `}</VisuallyHidden>
                {actionLabel(action)}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      ),
    },
  ];

  return (
    <Table
      rowKey="module"
      size="small"
      columns={columns}
      dataSource={permissionModuleNames.map((module) => ({ module }))}
      pagination={false}
      scroll={{ x: 520 }}
    />
  );
};
