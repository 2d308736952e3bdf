import type { CheckView } from '../../wizard/api';
import type { WizardStep } from '../../wizard/machine';

/**
 * What every step panel receives. Panels read more state with `useSelector(useWizard(), …)` and
 * change it only by sending machine events (ANSWER, CONFIRM_CHECK, SKIP_CHECK, …).
 */
export interface PanelProps {
  step: WizardStep;
  /** This step's checks, as last loaded from `checks:list`. */
  checks: readonly CheckView[];
}
