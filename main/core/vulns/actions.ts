/**
 * What CISA's required action asks first, in one word. End of life is said only when the primary
 * instruction is to stop using the product because it IS end of life — never for the common
 * closing clause "…or discontinue use of the product if mitigations are unavailable", nor for
 * "could be end-of-life" or "if the device has since entered end-of-life".
 */
export type ActionKind = 'end-of-life' | 'possibly-end-of-life' | 'update' | 'mitigate' | 'other';

export function actionKind(requiredAction: string): ActionKind {
  const a = requiredAction.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^apply updates?\b/.test(a) || /^for all affected software assets for which updates exist/.test(a)) return 'update';
  if (/^apply (mitigations|remediations?)\b/.test(a)) return 'mitigate';
  if (/\bcould be end-of-life\b/.test(a)) return 'possibly-end-of-life';
  if (/\bif the device is still supported, apply updates\b/.test(a)) return 'update';
  const isEol = /\b(is|are|have reached|has reached)( their| its)? (end-of-life|end of life)\b/.test(a);
  const stop = /\b(discontinue|disconnect|disconnected|retire|retired|remove|removed|replace|replaced)\b/.test(a);
  if (isEol && stop) return 'end-of-life';
  return 'other';
}
