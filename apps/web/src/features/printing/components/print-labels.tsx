import { useTranslation } from 'react-i18next';
import type { LabelFormat } from './print-params';
import type { PrintRow } from './print-rows';

/**
 * Who a label is addressed to: the primary contact "收" at a company (the company above), else the
 * customer itself (individuals, or companies whose contacts were not loaded).
 */
const recipientOf = (row: PrintRow): { company: string | null; person: string } =>
  row.contact && row.customer.kind === 'company'
    ? { company: row.customer.name, person: row.contact.name }
    : { company: null, person: row.customer.name };

const chunk = <T,>(items: T[], size: number): T[][] => {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
};

/** A4 sheets of address labels, each label in its cell, never split across sheets. */
export const LabelSheets = ({ rows, format }: { rows: PrintRow[]; format: LabelFormat }) => {
  const { t } = useTranslation();
  return (
    <>
      {chunk(rows, format.columns * format.rows).map((sheet, sheetIndex) => (
        <section
          // Sheets are positions on paper, not records: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={sheetIndex}
          className="print-sheet"
          data-testid="print-sheet"
          aria-label={t('printing.sheetLabel', { number: sheetIndex + 1 })}
        >
          {sheet.map((row) => {
            const recipient = recipientOf(row);
            return (
              <div key={row.customer.id} className="print-label" data-testid="print-label">
                {row.postalCode ? <div className="print-label-postal">{row.postalCode}</div> : null}
                <div className="print-label-address">{row.address}</div>
                {recipient.company ? <div className="print-label-company">{recipient.company}</div> : null}
                <div className="print-label-recipient">
                  {recipient.company
                    ? t('printing.recipient.attention', { name: recipient.person })
                    : t('printing.recipient.person', { name: recipient.person })}
                </div>
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
};

/** One Chinese 5号 envelope (220 × 110 mm) per page: postal code boxes, address, 收件人, sender. */
export const Envelopes = ({ rows, sender }: { rows: PrintRow[]; sender: string }) => {
  const { t } = useTranslation();
  return (
    <>
      {rows.map((row) => {
        const recipient = recipientOf(row);
        const digits = row.postalCode.padEnd(6, ' ').slice(0, 6).split('');
        return (
          <section
            key={row.customer.id}
            className="print-envelope"
            data-testid="print-envelope"
            aria-label={t('printing.envelope.label', { name: row.customer.name })}
          >
            <div className="print-postal-boxes" title={t('printing.envelope.postalCode')}>
              {digits.map((digit, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the six boxes are positions
                <span key={index} className="print-postal-box">
                  {digit.trim()}
                </span>
              ))}
            </div>
            <div className="print-stamp">{t('printing.envelope.stamp')}</div>
            <div className="print-envelope-address">
              {row.address}
              {recipient.company ? <div>{recipient.company}</div> : null}
            </div>
            <div className="print-envelope-recipient">
              {recipient.person}
              <small>{t('printing.envelope.receive')}</small>
            </div>
            <div className="print-envelope-sender">{t('printing.envelope.sender', { name: sender })}</div>
          </section>
        );
      })}
    </>
  );
};
