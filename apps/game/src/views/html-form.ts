/**
 * Accessible HTML forms drawn over the canvas (sign-in, link email): real labelled inputs,
 * real buttons, and an error area with role=alert. Everything is built with DOM calls and
 * textContent, never markup strings.
 */
export interface FieldSpec {
  name: string;
  label: string;
  type: "email" | "password" | "text";
  autocomplete: string;
  hint?: string;
}

export interface ActionSpec {
  label: string;
  kind?: "primary" | "secondary" | "link";
  /** The form's submit (Enter in a field). */
  submit?: boolean;
  onClick: (values: Record<string, string>) => void;
}

export interface FormSpec {
  title: string;
  intro?: string;
  /** Actions above the fields (the quickest way in), with `leadSeparator` below them. */
  lead?: ActionSpec[];
  leadSeparator?: string;
  /** What every action needs, said before anyone gets it wrong (under the fields). */
  rules?: string;
  fields: FieldSpec[];
  actions: ActionSpec[];
}

export interface HtmlForm {
  /** Says what is wrong, offers `extra`, and marks `fields` (by name) as the ones at fault. */
  setError(message: string | null, extra?: ActionSpec, fields?: readonly string[]): void;
  setNotice(message: string | null): void;
  setBusy(busy: boolean): void;
  values(): Record<string, string>;
  setValue(name: string, value: string): void;
  close(): void;
}

const STYLE_ID = "ui-overlay-style";
const CSS = `
#ui-overlay { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center;
  pointer-events: none; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; z-index: 10; }
#ui-overlay form { pointer-events: auto; box-sizing: border-box; width: min(92vw, 440px); max-height: 92vh; overflow: auto;
  background: #132a52; border: 2px solid #2f5597; border-radius: 18px; padding: 20px 22px; color: #fff;
  box-shadow: 0 12px 40px #0008; }
#ui-overlay h1 { margin: 0 0 6px; font-size: 28px; text-align: center; color: #ffd166; }
#ui-overlay .intro { margin: 0 0 12px; text-align: center; color: #b8cdee; font-size: 15px; }
#ui-overlay label { display: block; margin: 10px 0 4px; font-size: 15px; color: #dbe7ff; }
#ui-overlay .hint { font-size: 14px; color: #9fb4d8; }
#ui-overlay input { box-sizing: border-box; width: 100%; min-height: 44px; font-size: 17px; padding: 10px 12px; border-radius: 10px;
  border: 2px solid #2f5597; background: #0b1a33; color: #fff; }
#ui-overlay input[aria-invalid=true] { border-color: #ff9b94; box-shadow: 0 0 0 2px #ff9b9466; }
#ui-overlay input:focus, #ui-overlay button:focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
#ui-overlay .actions { display: flex; flex-direction: column; gap: 10px; margin-top: 16px; }
#ui-overlay button { min-height: 44px; min-width: 44px; font-size: 17px; padding: 12px; border-radius: 12px; border: 2px solid #2f5597;
  background: #1f6feb; color: #fff; cursor: pointer; }
#ui-overlay button.secondary { background: #0b1a33; }
#ui-overlay button.link { background: transparent; border-color: transparent; color: #ffd166; text-decoration: underline; }
#ui-overlay button:disabled { opacity: 0.6; cursor: progress; }
#ui-overlay [role=alert] { min-height: 1.2em; margin-top: 12px; color: #ff9b94; font-size: 15px; }
#ui-overlay [role=alert]:empty { display: none; }
#ui-overlay .notice { margin: 0 0 8px; padding: 8px 10px; border-radius: 10px; background: #ffd16622; color: #ffd166; font-size: 15px; }
#ui-overlay .notice:empty { display: none; }
#ui-overlay .separator { margin: 14px 0 0; text-align: center; color: #9fb4d8; font-size: 14px; }
#ui-overlay .rules { margin: 10px 0 0; color: #9fb4d8; font-size: 14px; }
@media (max-height: 700px) and (min-height: 521px) {
  #ui-overlay form { padding: 14px 18px; }
  #ui-overlay h1 { font-size: 24px; margin: 0 0 2px; }
  #ui-overlay .intro { margin: 0 0 8px; }
  #ui-overlay label { margin: 6px 0 3px; }
  #ui-overlay .actions { margin-top: 10px; gap: 8px; }
  #ui-overlay .separator { margin: 8px 0 0; }
  #ui-overlay .rules { margin: 6px 0 0; }
  #ui-overlay button { padding: 10px; }
}
@media (max-height: 520px) {
  #ui-overlay form { padding: 10px 16px; max-height: 98vh; width: min(96vw, 680px); display: grid;
    grid-template-columns: fit-content(45%) 1fr; column-gap: 14px; align-items: center; }
  #ui-overlay form > :not(label):not(input) { grid-column: 1 / -1; }
  #ui-overlay h1 { font-size: 22px; margin: 0 0 2px; }
  #ui-overlay .intro { margin: 0 0 6px; font-size: 14px; }
  #ui-overlay label { margin: 4px 0; }
  #ui-overlay .hint { display: block; }
  #ui-overlay input { padding: 6px 10px; font-size: 16px; }
  #ui-overlay .actions { margin-top: 8px; gap: 8px; flex-direction: row; }
  #ui-overlay .actions button { flex: 1; }
  #ui-overlay .separator, #ui-overlay .rules { margin: 6px 0 0; }
  #ui-overlay button { padding: 8px; }
}
@media (min-width: 1200px) and (min-height: 800px) { #ui-overlay form { transform: scale(1.25); } }
`;

function root(): HTMLElement {
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement("style");
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.append(style);
  }
  let overlay = document.getElementById("ui-overlay");
  if (!overlay) {
    overlay = document.createElement("div");
    overlay.id = "ui-overlay";
    document.body.append(overlay);
  }
  return overlay;
}

function actionButton(spec: ActionSpec, values: () => Record<string, string>): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = spec.submit ? "submit" : "button";
  b.className = spec.kind ?? "primary";
  b.textContent = spec.label;
  if (!spec.submit) b.addEventListener("click", () => spec.onClick(values()));
  return b;
}

/** An element with its class and text (textContent: never markup). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function openForm(spec: FormSpec): HtmlForm {
  const host = root();
  host.replaceChildren();
  const form = el("form");
  form.noValidate = true;
  form.setAttribute("aria-label", spec.title);
  form.append(el("h1", undefined, spec.title));
  if (spec.intro) form.append(el("p", "intro", spec.intro));
  const notice = el("p", "notice");
  notice.setAttribute("role", "status");
  form.append(notice);

  const inputs = new Map<string, HTMLInputElement>();
  const values = () => Object.fromEntries([...inputs].map(([k, v]) => [k, v.value.trim()]));
  const buttons: HTMLButtonElement[] = [];
  const actionRow = (specs: ActionSpec[]) => {
    const row = el("div", "actions");
    for (const a of specs) {
      const b = actionButton(a, values);
      buttons.push(b);
      row.append(b);
    }
    return row;
  };
  if (spec.lead?.length) {
    form.append(actionRow(spec.lead));
    if (spec.leadSeparator) form.append(el("p", "separator", spec.leadSeparator));
  }
  for (const f of spec.fields) {
    const id = `field-${f.name}`;
    const label = el("label", undefined, f.label);
    label.htmlFor = id;
    if (f.hint) label.append(el("span", "hint", ` ${f.hint}`));
    const input = el("input");
    input.id = id;
    input.name = f.name;
    input.type = f.type;
    input.autocomplete = f.autocomplete as AutoFill;
    inputs.set(f.name, input);
    form.append(label, input);
  }
  if (spec.rules) form.append(el("p", "rules", spec.rules));

  const actions = actionRow(spec.actions);
  const alert = el("div");
  alert.setAttribute("role", "alert");
  const extraSlot = el("div", "actions");
  form.append(actions, alert, extraSlot);

  const submit = spec.actions.find((a) => a.submit);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit?.onClick(values());
  });
  host.append(form);
  // The first thing to do has the focus: the lead action if there is one, else the first field.
  (spec.lead?.length ? buttons[0] : inputs.values().next().value)?.focus();

  return {
    setError(message, extra, fields = []) {
      alert.textContent = message ?? "";
      for (const [name, input] of inputs) {
        if (fields.includes(name)) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
      extraSlot.replaceChildren();
      if (extra) {
        const b = actionButton(extra, values);
        buttons.push(b);
        extraSlot.append(b);
      }
    },
    setNotice(message) {
      notice.textContent = message ?? "";
    },
    setBusy(busy) {
      for (const b of buttons) b.disabled = busy;
      form.setAttribute("aria-busy", String(busy));
    },
    values,
    setValue(name, value) {
      const input = inputs.get(name);
      if (input) input.value = value;
    },
    close() {
      form.remove();
    },
  };
}
