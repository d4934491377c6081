import { ColorPicker, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { presetTagColors } from '../api/tags-api';

interface TagColorInputProps {
  value?: string;
  onChange?: (color: string) => void;
  'aria-label'?: string;
  disabled?: boolean;
}

const isHex = (color: string | undefined): color is string => !!color && /^#[0-9a-fA-F]{6}$/.test(color);

/** A preset colour from a list, or any colour from the picker next to it (#rrggbb). */
export const TagColorInput = ({ value, onChange, disabled, ...rest }: TagColorInputProps) => {
  const { t } = useTranslation();
  const options = presetTagColors.map((color) => ({
    value: color,
    label: (
      <Tag color={color} style={{ marginInlineEnd: 0 }}>
        {t(`segments.colors.${color}`)}
      </Tag>
    ),
  }));
  const custom = isHex(value)
    ? [
        {
          value,
          label: (
            <Tag color={value} style={{ marginInlineEnd: 0 }}>
              {value}
            </Tag>
          ),
        },
      ]
    : [];
  return (
    <Space.Compact>
      <Select
        aria-label={rest['aria-label']}
        disabled={disabled}
        value={value}
        onChange={(color) => onChange?.(color)}
        options={[...custom, ...options]}
        placeholder={t('segments.tags.color')}
        virtual={false}
        style={{ width: 150 }}
      />
      <ColorPicker
        disabled={disabled}
        disabledAlpha
        value={isHex(value) ? value : undefined}
        onChangeComplete={(color) => onChange?.(color.toHexString())}
        aria-label={t('segments.tags.customColor')}
      />
    </Space.Compact>
  );
};
