import { Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps {
  open?: boolean;
  title: ReactNode;
  /** The confirm button's text; "Save" unless the action has a name of its own. */
  okText?: string;
  /** The form inside: the confirm button submits it (its validation and onFinish run). */
  form: { submit: () => void };
  saving: boolean;
  onClose: () => void;
  width?: ModalProps['width'];
  style?: ModalProps['style'];
  children: ReactNode;
}

/**
 * A dialog around one form: confirm submits it, the button spins while it saves, and a click
 * beside the dialog does not throw away what was typed.
 */
export const FormModal = ({
  open = true,
  title,
  okText,
  form,
  saving,
  onClose,
  width,
  style,
  children,
}: FormModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      maskClosable={false}
      width={width}
      style={style}
    >
      {children}
    </Modal>
  );
};
