import type { AnswerValue, ApplicationForm, FormField } from './contracts/funding';

/**
 * Which fields of an application form are shown for given answers, shared by the server (what is required
 * and submitted) and the web form (what is rendered): a field with `visibleWhen` is shown when the field it
 * depends on is itself shown and its answer (or one of its answers) is one of the listed values.
 */
export const allFields = (form: ApplicationForm): FormField[] => form.sections.flatMap((s) => s.fields);

export function visibleFieldKeys(form: ApplicationForm, answers: Record<string, AnswerValue | undefined>): Set<string> {
  const visible = new Set<string>();
  for (const field of allFields(form)) {
    const cond = field.visibleWhen;
    if (!cond) {
      visible.add(field.key);
      continue;
    }
    if (!visible.has(cond.field)) continue;
    const value = answers[cond.field];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => v !== null && v !== undefined && cond.in.some((w) => w === v || String(w) === String(v)))) visible.add(field.key);
  }
  return visible;
}
