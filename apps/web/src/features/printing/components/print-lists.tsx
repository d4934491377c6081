import { useTranslation } from 'react-i18next';
import { emptyMark, formatPhone } from '../../../components/format';
import type { PrintRow } from './print-rows';

const contactText = (row: PrintRow) =>
  row.contact ? [row.contact.name, row.contact.title].filter(Boolean).join(' · ') : emptyMark;

const phonesText = (phones: string[]) => (phones.length > 0 ? phones.map(formatPhone).join('\n') : emptyMark);

/** Name, contact, full address and phones; the header repeats on every printed page. */
export const AddressList = ({ rows }: { rows: PrintRow[] }) => {
  const { t } = useTranslation();
  return (
    <table className="print-list" data-testid="print-address-list">
      <thead>
        <tr>
          <th className="print-number">#</th>
          <th>{t('printing.columns.name')}</th>
          <th>{t('printing.columns.contact')}</th>
          <th>{t('printing.columns.address')}</th>
          <th>{t('printing.columns.phones')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.customer.id}>
            <td className="print-number">{index + 1}</td>
            <td>{row.customer.name}</td>
            <td>{contactText(row)}</td>
            <td>
              {row.postalCode ? `${row.postalCode} ` : ''}
              {row.address || emptyMark}
            </td>
            <td style={{ whiteSpace: 'pre-line' }}>{phonesText(row.customer.phones)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** Name, contact (with mobile), phones, email and owner. */
export const PhoneList = ({ rows }: { rows: PrintRow[] }) => {
  const { t } = useTranslation();
  return (
    <table className="print-list" data-testid="print-phone-list">
      <thead>
        <tr>
          <th className="print-number">#</th>
          <th>{t('printing.columns.name')}</th>
          <th>{t('printing.columns.contact')}</th>
          <th>{t('printing.columns.phones')}</th>
          <th>{t('printing.columns.email')}</th>
          <th>{t('printing.columns.owner')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.customer.id}>
            <td className="print-number">{index + 1}</td>
            <td>{row.customer.name}</td>
            <td style={{ whiteSpace: 'pre-line' }}>
              {contactText(row)}
              {row.contact?.mobile ? `\n${formatPhone(row.contact.mobile)}` : ''}
            </td>
            <td style={{ whiteSpace: 'pre-line' }}>{phonesText(row.customer.phones)}</td>
            <td>{row.customer.email ?? emptyMark}</td>
            <td>{row.customer.ownerName ?? emptyMark}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
