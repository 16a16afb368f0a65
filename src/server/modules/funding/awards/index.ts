/** What other modules may use of awards: the acceptance facts the eligibility rules read (issue 4). */
export { pastAcceptanceFacts } from './awards';
export { acceptanceFacts } from './acceptance';
