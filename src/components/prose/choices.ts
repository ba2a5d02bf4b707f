/**
 * A radio group and a select, each a <form> with a `value` and an "input"
 * event, the shape Framework's `Generators.input` and `view` read, like
 * Observable Inputs' own. The timeline needs only these two; written here
 * they cost a reader's phone a few hundred bytes instead of the 27 KB of the
 * Inputs library.
 */
import {at} from "../../lib/story/checked-lookups.js";
import {element} from "../dom.js";

interface ChoiceOptions<T> {
  label: string;
  /** The text a reader sees for an option; its string form by default. */
  format?: (option: T) => string;
  value?: T;
}

type Choice<T> = HTMLFormElement & {value: T};

let forms = 0;

function choiceForm<T>(kind: string, read: () => T): Choice<T> {
  const form = element("form", `choice choice-${kind}`) as Choice<T>;
  Object.defineProperty(form, "value", {get: read});
  form.addEventListener("submit", (event) => event.preventDefault());
  return form;
}

/** One of a few options, all in view: a fieldset of radio buttons, worked with the arrow keys as any radio group is. */
export function radioChoice<T>(options: readonly T[], {label, format = String, value = options[0]}: ChoiceOptions<T>): Choice<T> {
  const name = `choice-${++forms}`;
  const inputs: HTMLInputElement[] = [];
  const form = choiceForm("radio", () => at(options, inputs.findIndex((input) => input.checked), "the choice's options"));
  const fieldset = element("fieldset", "");
  fieldset.append(element("legend", "", label));
  options.forEach((option, i) => {
    const input = element("input", "");
    input.type = "radio";
    input.name = name;
    input.value = String(i);
    input.checked = option === value;
    inputs.push(input);
    const item = element("label", "");
    item.append(input, format(option));
    fieldset.append(item);
  });
  form.append(fieldset);
  return form;
}

/** One of a longer list: a labelled select. */
export function selectChoice<T>(options: readonly T[], {label, format = String, value = options[0]}: ChoiceOptions<T>): Choice<T> {
  const select = element("select", "");
  select.id = `choice-${++forms}`;
  const form = choiceForm("select", () => at(options, select.selectedIndex, "the choice's options"));
  options.forEach((option, i) => {
    const item = element("option", "", format(option));
    item.value = String(i);
    item.selected = option === value;
    select.append(item);
  });
  const name = element("label", "", label);
  name.htmlFor = select.id;
  form.append(name, select);
  return form;
}
