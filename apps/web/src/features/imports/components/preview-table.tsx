import type { ImportPreview } from '@kehu/contracts';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { emptyMark } from '../../../components/format';
import { OutcomeTag } from './import-status-tag';

type PreviewRow = ImportPreview['rows'][number];

interface PreviewTableProps {
  preview: ImportPreview;
  /** The column mapped to the customer name: its cell names the row. */
  nameColumn: number;
}

/** The dry run of the first rows: what each would become, and why a row fails or is skipped. */
export const PreviewTable = ({ preview, nameColumn }: PreviewTableProps) => {
  const { t } = useTranslation();
  const columns: TableColumnsType<PreviewRow> = [
    { title: t('imports.preview.row'), dataIndex: 'rowNumber', width: 56 },
    {
      title: t('imports.preview.outcome'),
      dataIndex: 'outcome',
      width: 84,
      render: (outcome: PreviewRow['outcome']) => <OutcomeTag outcome={outcome} />,
    },
    {
      title: t('imports.preview.customer'),
      key: 'name',
      render: (_, row) => (
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
          {row.cells[nameColumn]?.trim() || emptyMark}
        </Typography.Text>
      ),
    },
    {
      title: t('imports.preview.reason'),
      dataIndex: 'reason',
      render: (reason: string | null) =>
        reason ? (
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
            {reason}
          </Typography.Text>
        ) : (
          emptyMark
        ),
    },
  ];
  return (
    <Table<PreviewRow>
      size="small"
      rowKey="rowNumber"
      columns={columns}
      dataSource={preview.rows}
      pagination={false}
      tableLayout="fixed"
      aria-label={t('imports.preview.title')}
      locale={{ emptyText: t('imports.preview.empty') }}
    />
  );
};
