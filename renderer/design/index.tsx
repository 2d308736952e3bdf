/**
 * Porchlight's small design system (issue 17): tokens (tokens.css, colours in styles/theme.css) and
 * the components every step uses — StatusBadge, ResultCard (one current state), Progress (label
 * outside the bar), FormRow, Disclosure, Notice. Presentational only: every text comes in as a
 * prop from a catalog; nothing here calls the API.
 */
import { useId, type ReactNode } from 'react';
import './design.css';

export type Status = 'pass' | 'warn' | 'fail' | 'unknown' | 'skipped';
export type Tone = Status | 'info';

// info (a planned change, an answered card) is a plain dot: a letter i read as part of the word.
const ICON: Record<Tone, string> = { pass: '✓', warn: '!', fail: '✕', unknown: '?', skipped: '–', info: '•' };

/** A status as a word plus a shape, never colour alone. */
export function StatusBadge({ tone, label, className }: { tone: Tone; label: string; className?: string }) {
  return (
    <span className={`ds-badge ds-badge-${tone}${className ? ` ${className}` : ''}`}>
      <span className="ds-badge-icon" aria-hidden="true">
        {ICON[tone]}
      </span>
      {label}
    </span>
  );
}

/**
 * One thing's single current state: a title, one badge, and what is known about it. A new result
 * replaces the card's content; there is never an old result above a new one.
 */
export function ResultCard({
  status,
  title,
  badge,
  level = 3,
  children,
  className,
  as: As = 'div',
  ...rest
}: {
  status: Status;
  title: ReactNode;
  badge?: ReactNode;
  level?: 3 | 4 | 5;
  children?: ReactNode;
  className?: string;
  as?: 'div' | 'li' | 'section';
} & Record<`data-${string}`, string | undefined>) {
  const Heading = `h${level}` as 'h3';
  return (
    <As className={`ds-card ds-card-${status}${className ? ` ${className}` : ''}`} {...rest}>
      <div className="ds-card-head">
        <Heading className="ds-card-title">{title}</Heading>
        {badge}
      </div>
      {children && <div className="ds-card-body">{children}</div>}
    </As>
  );
}

/**
 * Progress with its label above the bar and the state in words below (announced politely).
 * `value` 0..1, or null while the length is not known. The bar is a real progressbar role.
 */
export function Progress({ label, value, state, ...rest }: { label: string; value: number | null; state?: string } & Record<`data-${string}`, string | undefined>) {
  const id = useId();
  const pct = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="ds-progress" {...rest}>
      <span className="ds-progress-label" id={`${id}-label`}>
        {label}
      </span>
      <div
        className="ds-progress-track"
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={state}
      >
        <span className={`ds-progress-fill ds-w-${pct === null ? 'x' : Math.round(pct / 5) * 5}`} data-indeterminate={pct === null ? 'true' : 'false'} />
      </div>
      {state && (
        <p className="ds-progress-state" aria-live="polite">
          {state}
        </p>
      )}
    </div>
  );
}

/**
 * A control with its label (and an optional hint), spaced. `inline` puts a checkbox or radio
 * before its label; otherwise the label sits above the control.
 */
export function FormRow({ inline = false, hint, children, className }: { inline?: boolean; hint?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={`ds-form-row${inline ? ' ds-form-row-inline' : ''}${className ? ` ${className}` : ''}`}>
      {children}
      {hint && <span className="ds-form-row-hint">{hint}</span>}
    </div>
  );
}

/** Details behind a native disclosure (details/summary: keyboard and screen readers for free). */
export function Disclosure({
  summary,
  count,
  open,
  quiet = false,
  children,
  className,
  onToggle,
  ...rest
}: {
  summary: ReactNode;
  count?: ReactNode;
  open?: boolean;
  quiet?: boolean;
  children: ReactNode;
  className?: string;
  onToggle?: (open: boolean) => void;
} & Record<`data-${string}`, string | undefined>) {
  return (
    <details
      className={`ds-disclosure${quiet ? ' ds-disclosure-quiet' : ''}${className ? ` ${className}` : ''}`}
      open={open}
      onToggle={onToggle ? (e) => onToggle((e.currentTarget as HTMLDetailsElement).open) : undefined}
      {...rest}
    >
      <summary>
        {summary}
        {count !== undefined && <span className="ds-disclosure-count">{count}</span>}
      </summary>
      <div className="ds-disclosure-body">{children}</div>
    </details>
  );
}

/**
 * A warning or an error in its own styled box, placed next to what caused it. Errors are alerts
 * (announced at once); warnings and infos are plain text in the flow.
 */
export function Notice({ tone, children, className, ...rest }: { tone: 'info' | 'warn' | 'error' | 'success'; children: ReactNode; className?: string } & Record<`data-${string}`, string | undefined>) {
  const icon = tone === 'error' ? '✕' : tone === 'warn' ? '!' : tone === 'success' ? '✓' : 'i';
  return (
    <div className={`ds-notice ds-notice-${tone}${className ? ` ${className}` : ''}`} role={tone === 'error' ? 'alert' : undefined} {...rest}>
      <span className="ds-notice-icon" aria-hidden="true">
        {icon}
      </span>
      <p>{children}</p>
    </div>
  );
}
