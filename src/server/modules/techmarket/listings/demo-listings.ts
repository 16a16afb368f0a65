import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListingInput } from '../../../../shared/contracts/techmarket';
import type { Ctx } from '../../../platform/context';
import { enterprises, institutions } from '../../registry/registry.tables';
import { createEntity } from '../../registry/write-entity';
import { tmListings } from '../techmarket.tables';
import { createListing } from './create-listing';
import { moderateListing } from './moderate-listing';
import { submitListing } from './submit-listing';

/**
 * Demo listings for a first start, all marked synthetic: Chinese institutions' offers written in Chinese, and
 * Pakistani needs in English and Urdu that they answer across languages (a university lab in Wuhan and a
 * manufacturer in Sialkot, issue 6). Owners are organisations of the reference data, and one invented Sialkot
 * instrument maker (synthetic too). Each goes through the service (create → submit → publish); one is left
 * waiting for a moderator. A listing already there (same owner, same original title) is not made again.
 */

const DEMO_ENTERPRISE = {
  key: 'ent:demo-sialkot-surgical-instruments',
  names: { en: 'Sialkot Surgical Instruments Co.', ur: 'سیالکوٹ سرجیکل انسٹرومنٹس کمپنی' },
  country: 'PK',
  province: 'PK-PB',
  sector: 'advanced_manufacturing',
  source: 'Invented for the demo (synthetic): the Sialkot surgical-instrument cluster the seeds describe.',
};

type Demo = { owner: string; publish: boolean; input: Omit<z.input<typeof ListingInput>, 'ownerType' | 'ownerId'> };

const DEMO: Demo[] = [
  {
    owner: 'inst:wuhan-university-of-technology',
    publish: true,
    input: {
      kind: 'offer',
      texts: {
        zh: {
          title: '手术器械刃口激光淬火与氮化钛涂层技术',
          summary: '面向不锈钢手术器械和剪刀的激光表面淬火工艺，配合氮化钛涂层，刃口硬度和耐磨性显著提高，适合中小型器械厂改造现有生产线。',
          details: '激光淬火层深 0.3–0.6 mm，表面硬度可达 HRC 58–62；涂层厚度 2–3 μm。可提供工艺包、设备选型和现场培训。',
        },
      },
      sector: 'surgical_instruments',
      keywords: ['激光淬火', '手术器械', '氮化钛涂层', '不锈钢'],
      trl: 6,
      dealForms: ['licence', 'joint_development', 'service'],
      ip: { type: 'patent_application', number: null, status: 'pending' },
    },
  },
  {
    owner: 'inst:peking-university',
    publish: true,
    input: {
      kind: 'offer',
      original: 'zh',
      texts: {
        zh: {
          title: '钙钛矿光伏组件封装技术',
          summary: '一种提高钙钛矿太阳能电池组件在高温高湿环境下稳定性的封装方法，适用于炎热潮湿地区的屋顶光伏。',
          details: '85 °C / 85% 相对湿度条件下测试 1000 小时，效率衰减小于 5%。',
        },
        en: {
          title: 'Encapsulation of perovskite solar modules',
          summary: 'An encapsulation method that keeps perovskite solar cell modules stable in damp heat, for rooftop solar in hot and humid places.',
        },
      },
      sector: 'solar_energy',
      keywords: ['钙钛矿', '光伏组件', 'perovskite'],
      trl: 5,
      dealForms: ['licence', 'joint_development'],
      ip: { type: 'patent_application', number: null, status: 'pending' },
    },
  },
  {
    owner: 'inst:wuhan-institute-of-biotechnology',
    publish: true,
    input: {
      kind: 'offer',
      texts: {
        zh: {
          title: '制革废水铬回收与无铬鞣制工艺',
          summary: '从制革废水中回收铬并循环使用，配合植鞣和无铬鞣制工艺，降低含铬废水排放，适用于皮革产业集群的集中处理。',
          details: '铬回收率 95% 以上；处理规模每日 200–2000 吨废水。',
        },
      },
      sector: 'leather',
      keywords: ['制革废水', '铬回收', '无铬鞣制'],
      trl: 7,
      dealForms: ['licence', 'service'],
      ip: { type: 'know_how', number: null, status: 'none' },
    },
  },
  {
    owner: DEMO_ENTERPRISE.key,
    publish: true,
    input: {
      kind: 'need',
      texts: {
        en: {
          title: 'Harder, longer-lasting edges for surgical scissors',
          summary:
            'We make stainless steel surgical instruments for export. Our scissors and cutting edges wear too quickly; we look for a heat treatment or coating process (laser hardening, titanium nitride coating) we can run in our plant.',
          details: 'About 40,000 pieces a month, AISI 420 steel; edges must pass 2,000 cuts without regrinding.',
        },
      },
      sector: 'surgical_instruments',
      keywords: ['surgical instrument', 'hardening', 'instrument coating'],
      trl: 6,
      dealForms: ['licence', 'joint_development'],
      budget: 12_000_000,
      currency: 'PKR',
      deadline: '2027-06-30',
    },
  },
  {
    owner: 'inst:mehran-university',
    publish: true,
    input: {
      kind: 'need',
      texts: {
        ur: {
          title: 'دیہی سندھ کے کسانوں کے لیے شمسی توانائی سے چلنے والا کولڈ اسٹوریج',
          summary: 'ہمیں سبزیوں اور پھلوں کو محفوظ رکھنے کے لیے سولر پینل سے چلنے والا کم لاگت کولڈ اسٹوریج درکار ہے جو گرڈ بجلی کے بغیر کام کرے۔',
        },
      },
      sector: 'agriculture',
      keywords: ['کولڈ اسٹوریج', 'سولر'],
      dealForms: ['joint_development', 'licence'],
      budget: 8_000_000,
      currency: 'PKR',
      deadline: '2027-03-31',
    },
  },
  {
    owner: 'inst:university-of-sialkot',
    publish: true,
    input: {
      kind: 'need',
      original: 'en',
      texts: {
        en: {
          title: 'Treating tannery wastewater in the Sialkot leather cluster',
          summary: 'The leather tanneries around Sialkot need a shared process to treat tannery effluent and recover chrome, affordable for small firms.',
        },
        ur: {
          title: 'سیالکوٹ کی لیدر صنعت میں ٹینری کے گندے پانی کی صفائی',
          summary: 'سیالکوٹ کی ٹینریوں کو ٹینری کے فضلہ پانی کی صفائی اور کروم کی بازیابی کا ایک مشترکہ اور سستا طریقہ درکار ہے۔',
        },
      },
      sector: 'leather',
      keywords: ['tannery effluent', 'chrome recovery'],
      dealForms: ['licence', 'service'],
      budget: 20_000_000,
      currency: 'PKR',
      deadline: '2027-12-31',
    },
  },
  {
    owner: 'inst:nust',
    publish: false,
    input: {
      kind: 'need',
      texts: {
        en: {
          title: 'Solar water pumps with drip irrigation for small farms',
          summary: 'Smallholders in Punjab need solar pumps matched to drip irrigation, with a soil moisture sensor to save water.',
        },
      },
      sector: 'agriculture',
      keywords: ['solar pump', 'drip irrigation'],
      dealForms: ['licence', 'joint_development'],
      budget: 5_000_000,
      currency: 'PKR',
    },
  },
];

async function demoEnterpriseId(ctx: Ctx): Promise<string> {
  const db = ctx.database.db;
  const [row] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.key, DEMO_ENTERPRISE.key));
  return row?.id ?? (await createEntity(ctx, 'enterprise', DEMO_ENTERPRISE, { synthetic: true })).id;
}

/** Loads the demo listings that are missing; skipped when the reference institutions are not loaded. */
export async function loadDemoListings(ctx: Ctx): Promise<{ created: number }> {
  const db = ctx.database.db;
  const keys = DEMO.map((d) => d.owner).filter((k) => k.startsWith('inst:'));
  const found = await db.select({ id: institutions.id, key: institutions.key }).from(institutions).where(inArray(institutions.key, keys));
  if (found.length < new Set(keys).size) return { created: 0 };
  const ids = new Map(found.map((r) => [r.key!, r.id]));
  ids.set(DEMO_ENTERPRISE.key, await demoEnterpriseId(ctx));
  let created = 0;
  for (const demo of DEMO) {
    const ownerId = ids.get(demo.owner)!;
    const original = demo.input.original ?? Object.keys(demo.input.texts)[0];
    const title = (demo.input.texts as Record<string, { title: string }>)[original].title;
    const [existing] = await db
      .select({ id: tmListings.id })
      .from(tmListings)
      .where(and(eq(tmListings.ownerId, ownerId), sql`${tmListings.texts} -> ${original} ->> 'title' = ${title}`))
      .limit(1);
    if (existing) continue;
    const input = { keywords: [], dealForms: [], ...demo.input, ownerType: demo.owner.startsWith('ent:') ? 'enterprise' : 'institution', ownerId } as z.output<
      typeof ListingInput
    >;
    const listing = await createListing(ctx, input, { synthetic: true });
    await submitListing(ctx, listing.id);
    if (demo.publish) await moderateListing(ctx, listing.id, { decision: 'publish' });
    created++;
  }
  return { created };
}
