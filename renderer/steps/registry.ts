/**
 * Which panel each step shows. A step's panel lives in renderer/steps/<step>/panel.tsx and exports
 * `Panel`; area helpers replace that file, never this map.
 */
import type { ComponentType } from 'react';
import type { WizardStep } from '../wizard/machine';
import type { PanelProps } from './shared/panel-props';
import { Panel as WelcomePanel } from './welcome/panel';
import { Panel as SurveyPanel } from './survey/panel';
import { Panel as WifiPanel } from './wifi/panel';
import { Panel as SegmentationPanel } from './segmentation/panel';
import { Panel as PasswordsPanel } from './passwords/panel';
import { Panel as AccountsPanel } from './accounts/panel';
import { Panel as AssistantPanel } from './assistant/panel';
import { Panel as UpdatesPanel } from './updates/panel';
import { Panel as SummaryPanel } from './summary/panel';

/** Step → its extension-point panel. */
export const PANELS: Record<WizardStep, ComponentType<PanelProps>> = {
  welcome: WelcomePanel,
  survey: SurveyPanel,
  wifi: WifiPanel,
  segmentation: SegmentationPanel,
  passwords: PasswordsPanel,
  accounts: AccountsPanel,
  assistant: AssistantPanel,
  updates: UpdatesPanel,
  summary: SummaryPanel,
};
