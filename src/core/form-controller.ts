import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What an element's value is worth to its form right now. */
export interface FormControlOptions {
  /** The value submitted under the element's `name`; `null` submits nothing. */
  value: () => string | null;
  /** What the browser keeps to restore the element on back/forward; the value when not given. */
  state?: () => string | null;
  /** Validity now: `null` when valid, else the broken constraints, a sentence, and the inner control the browser's message points at. */
  validity: () => { flags: ValidityStateFlags; message: string; anchor?: HTMLElement } | null;
  /** Back to the default value: the form was reset. */
  reset: () => void;
  /** Takes back a state the browser kept (`restore`: back/forward, a crash; `autocomplete`: the browser's autofill). */
  restore: (state: string, mode: 'restore' | 'autocomplete') => void;
}

/** The form callbacks a form-associated element forwards to its `FormController` (the browser calls them on the element only). */
export interface FormAssociated {
  formResetCallback(): void;
  formDisabledCallback(disabled: boolean): void;
  formStateRestoreCallback(state: string | File | FormData | null, mode: 'restore' | 'autocomplete'): void;
}

/**
 * Makes an element take part in a host page's `<form>` as a native input does, through
 * ElementInternals: its `name` and value go into the form's data, its validity stops a submit and
 * shows the browser's message on the inner control, a `<fieldset disabled>` disables it, a reset
 * returns it to its default and back/forward restores it. Shared by every input of the library.
 *
 * The element declares `static formAssociated = true`, reflects `name` and `disabled`, forwards
 * the three callbacks of `FormAssociated` here, and may re-expose `form`, `validity`, `checkValidity()`…
 * Where ElementInternals is missing (browsers before 2023), the element still works, outside the form.
 */
export class FormController implements ReactiveController {
  /** Undefined where the browser has no ElementInternals. */
  readonly internals?: ElementInternals;
  private disabledByForm = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FormControlOptions,
  ) {
    if (typeof host.attachInternals === 'function') this.internals = host.attachInternals();
    host.addController(this);
  }

  /** After every render, so the form always sees what the resident sees. */
  hostUpdated(): void {
    this.sync();
  }

  /** Tells the form the current value and validity. */
  sync(): void {
    const internals = this.internals;
    if (!internals) return;
    const value = this.options.value();
    internals.setFormValue(value, this.options.state ? this.options.state() : value);
    const invalid = this.options.validity();
    if (invalid) internals.setValidity(invalid.flags, invalid.message, invalid.anchor);
    else internals.setValidity({});
  }

  /** Disabled by its own `disabled` attribute or by a disabled `<fieldset>` around it. */
  get disabled(): boolean {
    return this.disabledByForm;
  }

  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }

  get validity(): ValidityState | undefined {
    return this.internals?.validity;
  }

  get validationMessage(): string {
    return this.internals?.validationMessage ?? '';
  }

  checkValidity(): boolean {
    this.sync();
    return this.internals?.checkValidity() ?? true;
  }

  reportValidity(): boolean {
    this.sync();
    return this.internals?.reportValidity() ?? true;
  }

  // The browser's form callbacks, forwarded by the element.

  formResetCallback(): void {
    this.options.reset();
    this.host.requestUpdate();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
    this.host.requestUpdate();
  }

  formStateRestoreCallback(state: string | File | FormData | null, mode: 'restore' | 'autocomplete'): void {
    if (typeof state === 'string') this.options.restore(state, mode);
    this.host.requestUpdate();
  }

  hostConnected(): void {}
}
