/** The participant address as a QR code: an SVG data URL an <img> shows (no markup injected). */
import QRCode from 'qrcode';

export async function qrDataUrl(text: string, dark: string, light: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark, light } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
