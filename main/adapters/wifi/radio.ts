/** Wi-Fi band of a channel report. */
export type Band = '2.4' | '5' | '6';

/** Centre frequency (MHz) of a channel, given its band when known (6 GHz channel numbers overlap 2.4/5 GHz). */
export function frequencyOf(channel: number | null, band?: Band | null): number | null {
  if (channel === null || !Number.isInteger(channel) || channel <= 0) return null;
  const b: Band = band ?? (channel <= 14 ? '2.4' : '5');
  if (b === '2.4') return channel === 14 ? 2484 : channel <= 13 ? 2407 + 5 * channel : null;
  if (b === '5') return channel >= 32 && channel <= 177 ? 5000 + 5 * channel : null;
  return channel <= 233 ? 5950 + 5 * channel : null;
}

/** Signal quality 0–100 from dBm, the linear mapping nmcli and node-wifi use (−100 dBm → 0, −50 dBm → 100). */
export function qualityFromDbm(dbm: number): number {
  return Math.max(0, Math.min(100, Math.round(2 * (dbm + 100))));
}
