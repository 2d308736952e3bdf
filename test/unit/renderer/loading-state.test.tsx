/**
 * Before the check board has loaded, a step says it is loading (aria-busy), never "nothing needs
 * your answer": on a slow machine the questions arrive a moment later, and the person (or a test
 * counting them) must not be told there are none.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n } from '../../../renderer/i18n';
import { ConfirmChecks } from '../../../renderer/steps/shared/confirm-checks';

initI18n();

describe('quick answers while the checks load', () => {
  it('an empty board is "loading", busy for assistive technology, not "nothing to answer"', () => {
    const html = renderToStaticMarkup(<ConfirmChecks checks={[]} />);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading the questions');
    expect(html).not.toContain('Nothing on this step needs your answer');
  });
});
