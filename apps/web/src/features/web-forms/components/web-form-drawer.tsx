import type { WebForm } from '@kehu/contracts';
import { Drawer, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../components/use-is-mobile';
import { WebFormBuilder } from './web-form-builder';
import { WebFormEmbed } from './web-form-embed';
import { WebFormSubmissions } from './web-form-submissions';

interface WebFormDrawerProps {
  form?: WebForm;
  canManage: boolean;
  initialTab?: 'form' | 'submissions';
  onSaved: (form: WebForm) => void;
  onClose: () => void;
}

/** A new form, or an existing one with its public link, its settings and its submissions. */
export const WebFormDrawer = ({ form, canManage, initialTab, onSaved, onClose }: WebFormDrawerProps) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [tab, setTab] = useState(initialTab ?? 'form');
  const builder = (
    <WebFormBuilder key={form?.updatedAt ?? 'new'} form={form} canManage={canManage} onSaved={onSaved} />
  );
  return (
    <Drawer
      open
      title={form ? form.name : t('webForms.new')}
      size={isMobile ? '100%' : 720}
      onClose={onClose}
      destroyOnHidden
    >
      {form ? (
        <>
          <WebFormEmbed form={form} />
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as 'form' | 'submissions')}
            items={[
              { key: 'form', label: t('webForms.tabs.form'), children: builder },
              {
                key: 'submissions',
                label: t('webForms.tabs.submissions', { count: form.submissions }),
                children: <WebFormSubmissions form={form} />,
              },
            ]}
          />
        </>
      ) : (
        builder
      )}
    </Drawer>
  );
};
