import { eq, inArray } from 'drizzle-orm';
import { CONTRACT_SUBTYPES, type ContractInput, type ContractKind } from '../../../../shared/contracts/techmarket';
import type { Ctx } from '../../../platform/context';
import { enterprises, institutions } from '../../registry/registry.tables';
import { createRng } from '../../registry/synthetic';
import { tmContracts } from '../techmarket.tables';
import { NATIONAL_MARKET_CENTER_KEY } from './agency';
import { reviewContract } from './review-contract';
import { submitContract } from './submit-contract';

/**
 * Demo technology contracts for a first start (marked synthetic): 36 registered across the four kinds,
 * 2019–2025, between Chinese and Pakistani parties of the reference data (and a few invented Pakistani firms),
 * a third of them cross-border, plus three waiting in an agency's queue — each submitted and registered
 * through the service, so they carry certificate numbers and audit entries like real ones. Runs once: skipped
 * when any synthetic contract exists, or when the reference agencies are missing.
 */
const AGENCIES = ['inst:zhejiang-st-exchange-center', NATIONAL_MARKET_CENTER_KEY];
const CN_SIDE = [
  { key: 'inst:wuhan-university-of-technology', type: 'institution', sector: 'advanced_manufacturing' },
  { key: 'inst:peking-university', type: 'institution', sector: 'biomedicine' },
  { key: 'inst:cas-binn', type: 'institution', sector: 'new_energy' },
  { key: 'inst:wuhan-institute-of-biotechnology', type: 'institution', sector: 'biomedicine' },
  { key: 'ent:hikvision', type: 'enterprise', sector: 'electronic_information' },
  { key: 'ent:inspur', type: 'enterprise', sector: 'electronic_information' },
  { key: 'ent:leiming-laser', type: 'enterprise', sector: 'advanced_manufacturing' },
  { key: 'ent:biobase', type: 'enterprise', sector: 'biomedicine' },
] as const;
const CN_BUYERS = ['ent:alibaba', 'ent:h3c', 'ent:china-mobile', 'ent:jinan-senfeng-technology', 'ent:boe', 'ent:lenovo'];
const PK_SIDE = ['inst:nust', 'inst:comsats-university-islamabad', 'inst:university-of-sialkot', 'inst:mehran-university'];
const PK_FIRMS = ['Sialkot Surgical Instruments Co.', 'Faisalabad Textile Mills', 'Karachi Agro Foods', 'Lahore Pumps & Valves'];
const TOPICS: Record<string, string[]> = {
  advanced_manufacturing: ['Laser cutting of surgical steel', 'CAD of pump impellers', 'Precision forging of hand tools'],
  biomedicine: ['Rapid test for wheat rust', 'Cold-chain monitoring of vaccines', 'Enzymes for leather tanning'],
  new_energy: ['Nano-generator sensors for pipelines', 'Solar-powered cold storage', 'Biogas purification'],
  electronic_information: ['Machine-vision grading of cotton', 'Private 5G network for a dry port', 'Smart meters for textile mills'],
};
const RANGES: Record<ContractKind, [number, number]> = {
  development: [500_000, 8_000_000],
  transfer: [300_000, 20_000_000],
  consulting: [50_000, 1_000_000],
  service: [20_000, 2_000_000],
};
const KINDS: ContractKind[] = ['development', 'transfer', 'consulting', 'service'];

export async function loadDemoContracts(ctx: Ctx): Promise<{ created: number }> {
  const db = ctx.database.db;
  const [existing] = await db.select({ id: tmContracts.id }).from(tmContracts).where(eq(tmContracts.synthetic, true)).limit(1);
  if (existing) return { created: 0 };
  const keys = [...AGENCIES, ...CN_SIDE.map((p) => p.key), ...CN_BUYERS, ...PK_SIDE];
  const rows = [
    ...(await db.select({ id: institutions.id, key: institutions.key }).from(institutions).where(inArray(institutions.key, keys))),
    ...(await db.select({ id: enterprises.id, key: enterprises.key }).from(enterprises).where(inArray(enterprises.key, keys))),
  ];
  const ids = new Map(rows.map((r) => [r.key!, r.id]));
  if (!keys.every((k) => ids.has(k))) return { created: 0 };

  const rng = createRng(20_250_601);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)];
  const ref = (key: string) => ({
    ownerType: key.startsWith('ent:') ? ('enterprise' as const) : ('institution' as const),
    ownerId: ids.get(key)!,
    name: key,
    country: 'CN',
  });
  let created = 0;
  for (let i = 0; i < 39; i++) {
    const kind = KINDS[i % 4];
    const subtype = CONTRACT_SUBTYPES[kind][Math.floor(i / 4) % CONTRACT_SUBTYPES[kind].length];
    const year = 2019 + (i % 7);
    const cn = CN_SIDE[i % CN_SIDE.length];
    const crossBorder = i % 3 === 0;
    // Cross-border deals run both ways: Chinese technology to Pakistan, and Pakistani universities' services to China.
    const pkSells = crossBorder && i % 2 === 1;
    const pkParty = i % 4 === 0 ? { name: `${pick(PK_FIRMS)} (synthetic)`, country: 'PK' } : { ...ref(pick(PK_SIDE)), country: 'PK' };
    const parties = crossBorder
      ? pkSells
        ? [
            { role: 'seller', ...pkParty },
            { role: 'buyer', ...ref(CN_BUYERS[i % CN_BUYERS.length]) },
          ]
        : [
            { role: 'seller', ...ref(cn.key) },
            { role: 'buyer', ...pkParty },
          ]
      : [
          { role: 'seller', ...ref(cn.key) },
          { role: 'buyer', ...ref(CN_BUYERS[i % CN_BUYERS.length]) },
        ];
    const [low, high] = RANGES[kind];
    const amount = Math.round(low + rng() * (high - low));
    const currency = crossBorder && i % 9 === 0 ? 'USD' : crossBorder && i % 5 === 0 ? 'PKR' : 'CNY';
    const input: ContractInput = {
      kind,
      subtype,
      title: `${pick(TOPICS[cn.sector])} (${subtype.replaceAll('_', ' ')})`,
      parties: parties as ContractInput['parties'],
      sector: cn.sector,
      amount,
      currency,
      techIncome: Math.round(amount * (0.6 + 0.4 * rng())),
      signedOn: `${year}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
      startsOn: null,
      endsOn: null,
      agencyId: ids.get(AGENCIES[crossBorder ? 0 : i % 2])!,
    };
    const contract = await submitContract(ctx, input, { synthetic: true });
    if (i < 36) await reviewContract(ctx, contract.id, { decision: 'register' });
    created++;
  }
  return { created };
}
