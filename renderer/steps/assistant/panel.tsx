import type { PanelProps } from '../shared/panel-props';
import { ConfirmChecks } from '../shared/confirm-checks';

/**
 * Extension point of the assistant step (first version: answer this step's confirmable checks).
 * The assistant area replaces this with its own UI; keep the export name `Panel`.
 */
export function Panel({ checks }: PanelProps) {
  return <ConfirmChecks checks={checks} />;
}
