// A QR code of a link (the sms: link), drawn as SVG squares so the teacher can send the text from their
// own phone. Built with the qrcode library's matrix; nothing is rendered from a string of markup.
import { useMemo } from 'preact/hooks';
import QRCode from 'qrcode';

export interface QrCodeProps {
  value: string;
  /** accessible name */
  label: string;
  size?: number;
}

export function QrCode({ value, label, size = 160 }: QrCodeProps) {
  const modules = useMemo(() => QRCode.create(value, { errorCorrectionLevel: 'M' }).modules, [value]);
  const n = modules.size;
  const quiet = 2;
  const squares = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (modules.get(row, col)) squares.push(<rect key={`${row}-${col}`} x={col + quiet} y={row + quiet} width={1} height={1} />);
    }
  }
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${n + 2 * quiet} ${n + 2 * quiet}`} class="qr" data-testid="sms-qr" shape-rendering="crispEdges">
      <rect width={n + 2 * quiet} height={n + 2 * quiet} fill="#fff" />
      <g fill="#000">{squares}</g>
    </svg>
  );
}
