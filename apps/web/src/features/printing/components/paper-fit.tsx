import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

const pixelsPerMm = 96 / 25.4;
/** Room left beside the paper on screen, so its shadow shows. */
const gutterPx = 16;

/**
 * Paper shown whole on a narrow screen: the preview is zoomed down to the window's width (an A4
 * sheet is 794 CSS pixels wide, a phone 390) instead of scrolling sideways. Zoom, not a transform,
 * so the page's height shrinks with it. Printing always uses the true size (print CSS resets it).
 */
export const PaperFit = ({ paperWidthMm, children }: { paperWidthMm: number; children: ReactNode }) => {
  const frame = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);

  useLayoutEffect(() => {
    const element = frame.current?.parentElement;
    if (!element) return;
    const paperPx = paperWidthMm * pixelsPerMm;
    const fit = () => setScale(Math.min(1, Math.max(0.2, (element.clientWidth - gutterPx) / paperPx)));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [paperWidthMm]);

  return (
    <div ref={frame} className="print-fit" style={scale < 1 ? { zoom: scale } : undefined}>
      {children}
    </div>
  );
};
