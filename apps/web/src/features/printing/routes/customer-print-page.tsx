import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Progress, Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../app/auth';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import { ErrorResult } from '../../../components/error-result';
import { useUrlParams } from '../../../components/use-url-params';
import {
  primaryContactCap,
  primaryContactsQueryOptions,
  printCustomersQueryOptions,
  printRowCap,
} from '../api/printing-api';
import { filterSummary } from '../components/filter-summary';
import { PaperFit } from '../components/paper-fit';
import { Envelopes, LabelSheets } from '../components/print-labels';
import { AddressList, PhoneList } from '../components/print-lists';
import {
  a4WidthMm,
  customersListUrl,
  envelopeLabel,
  envelopeWidthMm,
  filtersAsQuery,
  labelFormats,
  type PrintLayout,
  parsePrintParams,
  printLayouts,
} from '../components/print-params';
import { postalCodeField, toPrintRows } from '../components/print-rows';
import { printCss } from '../components/print-styles';

/**
 * The customer list as paper: an address list, a phone list or envelope labels, printed with the
 * browser's dialog. Outside the app layout, so that the printout has no menu; the toolbar is screen-only.
 */
export const CustomerPrintPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { organization } = useSession();
  const [params, changeParams] = useUrlParams();
  const { layout, label, filters } = useMemo(() => parsePrintParams(params), [params]);
  const query = useMemo(() => filtersAsQuery(filters), [filters]);
  const [loaded, setLoaded] = useState(0);

  const list = useQuery(printCustomersQueryOptions(query, setLoaded));
  const customers = list.data?.items ?? [];
  // Only a short list asks for its primary contacts (one request per customer).
  const contactIds = useMemo(
    () => (customers.length <= primaryContactCap ? customers.map((customer) => customer.id) : []),
    [customers],
  );
  const contacts = useQuery(primaryContactsQueryOptions(contactIds));
  const fields = useQuery(customFieldsQueryOptions('customer'));
  const postalKey = postalCodeField(fields.data);
  const rows = useMemo(
    () => toPrintRows(customers, contacts.data, postalKey),
    [customers, contacts.data, postalKey],
  );
  const contactsSkipped = customers.length > primaryContactCap;
  const waiting = list.isPending || (contacts.isFetching && !contactsSkipped) || fields.isPending;

  const title = t(`printing.titles.${layout}`);
  const summary = filterSummary(t, filters, customers, fields.data);
  const printedAt = dayjs().format('YYYY-MM-DD HH:mm');

  // The title names the PDF a "Save as PDF" makes and heads the browser's printed pages.
  useEffect(() => {
    const previous = document.title;
    document.title = `${title} · ${organization.name}`;
    return () => {
      document.title = previous;
    };
  }, [title, organization.name]);

  const change = (patch: Record<string, string>) =>
    changeParams((current) => {
      for (const [key, value] of Object.entries(patch)) current.set(key, value);
      return current;
    });

  const format = labelFormats.find((candidate) => candidate.id === label);
  const content =
    rows.length === 0 ? null : layout === 'address' ? (
      <AddressList rows={rows} />
    ) : layout === 'phone' ? (
      <PhoneList rows={rows} />
    ) : label === envelopeLabel || !format ? (
      <PaperFit paperWidthMm={envelopeWidthMm}>
        <Envelopes rows={rows} sender={organization.name} />
      </PaperFit>
    ) : (
      <PaperFit paperWidthMm={a4WidthMm}>
        <LabelSheets rows={rows} format={format} />
      </PaperFit>
    );

  return (
    <div className="print-root" lang={i18n.language}>
      <style>{printCss(layout, label)}</style>
      <div
        className="print-toolbar"
        role="toolbar"
        aria-label={t('printing.toolbar')}
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          background: '#fff',
          borderBottom: '1px solid #e5e5e5',
          padding: '12px 16px',
        }}
      >
        <Flex gap={12} align="center" wrap="wrap">
          <Button
            icon={<ArrowLeftOutlined aria-hidden />}
            onClick={() => void navigate(customersListUrl(filters))}
          >
            {t('printing.back')}
          </Button>
          <Segmented<PrintLayout>
            aria-label={t('printing.layout')}
            value={layout}
            onChange={(value) => change({ layout: value })}
            options={printLayouts.map((value) => ({ value, label: t(`printing.layouts.${value}`) }))}
          />
          {layout === 'labels' ? (
            <Select
              aria-label={t('printing.labelSize')}
              value={label}
              onChange={(value) => change({ label: value })}
              style={{ minWidth: 260 }}
              options={[
                ...labelFormats.map((candidate) => ({
                  value: candidate.id,
                  label: t('printing.labelFormat', {
                    id: candidate.id,
                    columns: candidate.columns,
                    rows: candidate.rows,
                    width: candidate.width,
                    height: candidate.height,
                  }),
                })),
                { value: envelopeLabel, label: t('printing.envelopeFormat') },
              ]}
            />
          ) : null}
          <Button
            type="primary"
            icon={<PrinterOutlined aria-hidden />}
            disabled={waiting || rows.length === 0}
            onClick={() => window.print()}
          >
            {t('printing.print')}
          </Button>
          <Typography.Text type="secondary" role="status">
            {list.isPending
              ? t('printing.loading', { count: loaded })
              : t('printing.count', { count: customers.length })}
          </Typography.Text>
        </Flex>
        {list.isPending && loaded > 0 ? (
          <Progress
            percent={Math.min(99, Math.round((loaded / printRowCap) * 100))}
            showInfo={false}
            size="small"
          />
        ) : null}
        {list.data?.capped ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('printing.capped', { max: printRowCap.toLocaleString(i18n.language) })}
          />
        ) : null}
        {contactsSkipped ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('printing.contactsSkipped', { max: primaryContactCap })}
          />
        ) : null}
        {layout === 'labels' && !postalKey && !fields.isPending ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('printing.noPostalCode')}
          </Typography.Paragraph>
        ) : null}
      </div>

      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.isPending && rows.length === 0 ? (
        <Empty style={{ marginTop: 48 }} description={t('printing.empty')} />
      ) : list.isPending ? null : (
        <main className="print-pages">
          {layout === 'labels' ? (
            content
          ) : (
            <div className="print-list-sheet">
              <h1 className="print-title">{title}</h1>
              <p className="print-meta" data-testid="print-meta">
                {[organization.name, summary, t('printing.printedAt', { date: printedAt })].join(' · ')}
                <br />
                {t('printing.count', { count: customers.length })}
                {list.data?.capped ? ` · ${t('printing.cappedShort', { max: printRowCap })}` : ''}
              </p>
              {content}
              <p className="print-footer">
                {t('printing.footer', { organization: organization.name, date: printedAt })}
              </p>
            </div>
          )}
        </main>
      )}
    </div>
  );
};
