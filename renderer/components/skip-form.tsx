import { useEffect, useId, useRef, useState } from 'react';

export interface SkipFormProps {
  heading: string;
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
export function SkipForm({ heading, label, hint, submitLabel, cancelLabel, invalidMessage, validate, onSubmit, onCancel }: SkipFormProps) {
  const id = useId();
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
      <h2 id={`${id}-heading`} className="skip-heading">
        {heading}
      </h2>
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
