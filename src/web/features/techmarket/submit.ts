import type { FormEvent } from 'react';

/** A form's submit handler that stays on the page and runs the action. */
export const submitWith = (run: () => void) => (e: FormEvent) => {
  e.preventDefault();
  run();
};
