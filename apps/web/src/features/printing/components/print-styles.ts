import {
  a4WidthMm,
  envelopeLabel,
  envelopeWidthMm,
  type LabelFormat,
  labelFormats,
  type PrintLayout,
} from './print-params';

/** Chinese first: without a CJK font, 收件人 prints as boxes. */
export const printFontStack =
  '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

const labelCss = (format: LabelFormat) => `
@page { size: A4; margin: 0; }
.print-sheet {
  width: ${a4WidthMm}mm;
  /* A hair under 297 mm, so that rounding never pushes an empty page after the sheet. */
  height: 296.5mm;
  box-sizing: border-box;
  padding: ${format.top}mm ${format.side}mm 0;
  display: grid;
  grid-template-columns: repeat(${format.columns}, ${format.width}mm);
  grid-auto-rows: ${format.height}mm;
  column-gap: ${format.columnGap}mm;
  row-gap: ${format.rowGap}mm;
  align-content: start;
  overflow: hidden;
  break-after: page;
  page-break-after: always;
  background: #fff;
}
.print-sheet:last-child { break-after: auto; page-break-after: auto; }
.print-label {
  box-sizing: border-box;
  width: ${format.width}mm;
  height: ${format.height}mm;
  padding: ${format.height > 50 ? 6 : 3.5}mm ${format.width > 80 ? 6 : 4}mm;
  overflow: hidden;
  break-inside: avoid;
  display: flex;
  flex-direction: column;
  justify-content: center;
  gap: 0.8mm;
  font-size: ${format.width > 80 ? 10 : 8.5}pt;
  line-height: 1.3;
}
.print-label-postal { letter-spacing: 0.6mm; font-size: 0.9em; }
.print-label-address { overflow-wrap: anywhere; }
.print-label-company { font-size: 0.95em; }
.print-label-recipient { font-size: 1.25em; font-weight: 700; }
@media screen {
  .print-sheet { margin: 0 auto 8mm; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }
  .print-label { outline: 1px dashed #d0d0d0; outline-offset: -1px; }
}
`;

const envelopeCss = `
@page { size: ${envelopeWidthMm}mm 110mm; margin: 0; }
.print-envelope {
  position: relative;
  width: ${envelopeWidthMm}mm;
  height: 109.5mm;
  box-sizing: border-box;
  overflow: hidden;
  break-after: page;
  page-break-after: always;
  background: #fff;
}
.print-envelope:last-child { break-after: auto; page-break-after: auto; }
/* GB/T 1416: six 8 × 10 mm boxes, 2 mm apart, 20 mm from the left and 10 mm from the top edge. */
.print-postal-boxes { position: absolute; left: 20mm; top: 10mm; display: flex; gap: 2mm; }
.print-postal-box {
  width: 8mm;
  height: 10mm;
  box-sizing: border-box;
  border: 0.3mm solid #000;
  display: flex;
  align-items: center;
  justify-content: center;
  font-size: 15pt;
  font-weight: 600;
}
.print-stamp {
  position: absolute;
  right: 10mm;
  top: 10mm;
  width: 20mm;
  height: 24mm;
  box-sizing: border-box;
  border: 0.3mm dashed #000;
  display: flex;
  align-items: center;
  justify-content: center;
  text-align: center;
  font-size: 7pt;
  padding: 2mm;
}
.print-envelope-address { position: absolute; left: 20mm; right: 40mm; top: 28mm; font-size: 13pt; line-height: 1.5; overflow-wrap: anywhere; }
.print-envelope-recipient {
  position: absolute;
  left: 40mm;
  right: 20mm;
  top: 52mm;
  font-size: 22pt;
  font-weight: 700;
  letter-spacing: 1mm;
  overflow-wrap: anywhere;
}
.print-envelope-recipient small { font-size: 16pt; font-weight: 500; margin-left: 3mm; }
.print-envelope-sender {
  position: absolute;
  right: 20mm;
  bottom: 10mm;
  max-width: 130mm;
  text-align: right;
  font-size: 11pt;
  line-height: 1.4;
}
@media screen {
  .print-envelope { margin: 0 auto 8mm; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }
}
`;

const listCss = `
@page {
  size: A4;
  margin: 14mm 12mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; }
}
.print-list { width: 100%; border-collapse: collapse; font-size: 9.5pt; line-height: 1.35; }
.print-list thead { display: table-header-group; }
.print-list th, .print-list td { border: 0.2mm solid #999; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
.print-list th { font-weight: 700; border-bottom-width: 0.5mm; border-bottom-color: #000; }
.print-list tr { break-inside: avoid; page-break-inside: avoid; }
.print-list td { overflow-wrap: anywhere; }
.print-list .print-number { width: 8mm; text-align: right; color: #555; }
.print-list-sheet { background: #fff; }
@media screen {
  .print-list-sheet { max-width: 210mm; margin: 0 auto; padding: 12mm; box-sizing: border-box; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }
}
`;

/** The print CSS of one layout; rendered in a <style> element, so it leaves with the print page. */
export const printCss = (layout: PrintLayout, label: string): string => {
  const format = labelFormats.find((candidate) => candidate.id === label);
  const body =
    layout === 'labels' ? (label === envelopeLabel || !format ? envelopeCss : labelCss(format)) : listCss;
  return `
.print-root { font-family: ${printFontStack}; color: #000; }
.print-title { margin: 0 0 2mm; font-size: 15pt; }
.print-meta { margin: 0 0 4mm; font-size: 9pt; color: #333; }
.print-footer { margin-top: 4mm; font-size: 8pt; color: #333; }
@media screen {
  body { background: #e9ebee; }
  .print-pages { padding: 16px 0 48px; }
}
@media print {
  html, body, #root { background: #fff !important; }
  .print-toolbar { display: none !important; }
  .print-root, .print-root * { color: #000 !important; box-shadow: none !important; text-shadow: none !important; }
  .print-root { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .print-pages { padding: 0; }
  .print-fit { zoom: 1 !important; }
}
${body}
`;
};
