import { useEffect, useId, useRef, useState } from 'react';

export interface SkipFormProps {
  heading: string;
  /** Level of the form's heading, to fit where it sits (default h2). */
  headingLevel?: 2 | 3 | 4;
  label: string;
  hint: string;
  submitLabel: string;
  cancelLabel: string;
  invalidMessage: string;
  validate: (reason: string) => boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** Asks for a reason before skipping (a step or a check); focus moves into it when it opens. */
export function SkipForm({ heading, headingLevel = 2, label, hint, submitLabel, cancelLabel, invalidMessage, validate, onSubmit, onCancel }: SkipFormProps) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : headingLevel === 3 ? 'h3' : 'h4';
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="skip-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!validate(reason)) {
          setInvalid(true);
          input.current?.focus();
          return;
        }
        onSubmit(reason.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <Heading id={`${id}-heading`} className="skip-heading">
        {heading}
      </Heading>
      <label htmlFor={`${id}-reason`}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <textarea
        ref={input}
        id={`${id}-reason`}
        rows={2}
        maxLength={500}
        value={reason}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => {
          setReason(e.target.value);
          if (invalid && validate(e.target.value)) setInvalid(false);
        }}
      />
      {invalid && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {invalidMessage}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary">
          {submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}
