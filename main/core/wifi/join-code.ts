
/** Escapes a value for the `WIFI:` join-code format: backslash before \ ; , : and ". */
export function escapeJoinValue(v: string): string {
  return v.replace(/([\\;,:"])/g, '\\$1');
}

/**
 * The Wi-Fi join code phones read from a QR code: `WIFI:T:SAE;S:<ssid>;P:<passphrase>;;`.
 * Transition mode uses `T:WPA`, which both WPA2 and WPA3 phones accept; `H:true` marks a hidden SSID.
 */
export function joinCodeText(ssid: string, passphrase: string, opts: { mode: 'wpa3' | 'transition'; hidden?: boolean }): string {
  const t = opts.mode === 'wpa3' ? 'SAE' : 'WPA';
  return `WIFI:T:${t};S:${escapeJoinValue(ssid)};P:${escapeJoinValue(passphrase)};${opts.hidden ? 'H:true;' : ''};`;
}

/** The join code as an SVG QR image in a data: URL (the CSP allows img-src data:). */
export async function joinCodeQrDataUrl(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
