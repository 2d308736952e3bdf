import type { ReactNode } from 'react';

/**
 * Text that is the user's or a third party's, never a catalog's: network and device names, vendor
 * and product names. Marked so translators' tools leave it alone (translate="no"), bidi-isolated
 * (a name in another script does not reorder the sentence around it), and so the pseudo-locale
 * test (test/e2e/pseudo-locale.spec.ts) exempts it by marking, not by guessing.
 */
export function UserText({ children }: { children: ReactNode }) {
  return (
    <bdi translate="no" data-user-text="">
      {children}
    </bdi>
  );
}

/** The same marking for places where an element cannot hold a <bdi> (an <option>). */
export const USER_TEXT_ATTRS = { translate: 'no', 'data-user-text': '' } as const;
