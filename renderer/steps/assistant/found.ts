/**
 * Which voice assistants the survey's devices point to, so the assistant step starts from what the
 * survey found (an Echo → Alexa ticked). A suggestion only: the user's own ticks always win.
 */
export type FoundAssistant = 'alexa' | 'google' | 'siri';

export interface SurveyedDevice {
  vendor: string | null;
  model: string | null;
  names: readonly string[];
  category: string;
}

const RULES: ReadonlyArray<{ id: FoundAssistant; vendor: RegExp; product: RegExp }> = [
  { id: 'alexa', vendor: /\bamazon\b/i, product: /\becho\b|\balexa\b/i },
  { id: 'google', vendor: /\bgoogle\b|\bnest\b/i, product: /\bnest (mini|hub|audio)\b|\bgoogle (home|nest)\b/i },
  { id: 'siri', vendor: /\bapple\b/i, product: /\bhomepod\b/i },
];

/** The assistants the devices suggest, in a stable order. */
export function assistantsFound(devices: readonly SurveyedDevice[]): FoundAssistant[] {
  const found = new Set<FoundAssistant>();
  for (const d of devices) {
    const text = [d.model ?? '', ...d.names].join(' ');
    for (const r of RULES) {
      const byProduct = r.product.test(text);
      const bySpeakerOfVendor = r.vendor.test(d.vendor ?? '') && (d.category === 'speaker' || (d.category === 'hub' && r.id !== 'siri'));
      if (byProduct || bySpeakerOfVendor) found.add(r.id);
    }
  }
  return RULES.map((r) => r.id).filter((id) => found.has(id));
}
