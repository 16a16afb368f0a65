import type { Ctx } from '../../../platform/context';

/** Placeholder until the cooperation reference records land (issue 7). */
export async function loadCooperationReference(_ctx: Ctx): Promise<{ loaded: number }> {
  return { loaded: 0 };
}
