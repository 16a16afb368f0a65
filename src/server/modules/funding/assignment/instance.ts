import { SECTORS } from '../../../../shared/contracts/registry';
import { createRng } from '../../registry/synthetic';

/**
 * Reviewer assignment of the seed fund (PRODUCT.md module 2, issue 4): the types of an instance, and a
 * deterministic generator of synthetic instances for tests and the bench.
 *
 * An application is reviewed by exactly k reviewers. Who may review it follows from the people and
 * organisations on both sides (see `conflicts.ts`); how well a reviewer fits it follows from the texts and
 * taxonomy tags (see `affinity.ts`).
 */

export type Application = {
  id: string;
  title: string;
  abstract: string;
  /** Taxonomy codes (`sector.subfield`). */
  tags: string[];
  /** The applicant enterprise (registry entity id). */
  enterpriseId: string;
  /** Universities, institutes and other organisations of the applicant team (registry entity ids). */
  institutionIds: string[];
  /** People on the application: the lead applicant and co-applicants (registry person ids). */
  applicantPersonIds: string[];
};

export type Reviewer = {
  id: string;
  /** The reviewer as a person of the registry, to find earlier joint applications. */
  personId: string;
  name: string;
  /** Free text: fields, methods, industries the reviewer knows. */
  expertise: string;
  tags: string[];
  senior: boolean;
  /** Employer (registry entity id). */
  organisationId: string;
  /** Other affiliations: universities, institutes, boards (registry entity ids). */
  affiliationIds: string[];
  /** Enterprises or organisations the reviewer declared a conflict of interest with. */
  declaredConflicts: string[];
  /** Overrides of the call's load range for this reviewer (e.g. a part-time reviewer). */
  minLoad?: number;
  maxLoad?: number;
};

/** An earlier application and the people on it: co-applicants of an applicant are conflicted with it. */
export type JointApplication = { id: string; personIds: string[] };

/** A pair a reviewer refused (declared at review time, e.g. when declining an assignment). */
export type PairConflict = { applicationId: string; reviewerId: string; note?: string };

export type AssignmentInstance = {
  applications: Application[];
  reviewers: Reviewer[];
  /** Earlier applications with their people. */
  history?: JointApplication[];
  /** Conflicts declared for one pair only. */
  pairConflicts?: PairConflict[];
  /** True for generated data: never mistaken for a real call. */
  synthetic?: boolean;
};

// ---------------------------------------------------------------------------------------------------------
// Synthetic instances

type Sector = (typeof SECTORS)[number];

/** Subfields of each sector, with their own words (English and Chinese): the taxonomy of the generator. */
const TAXONOMY: Record<Sector, { words: string[]; zh: string[]; sub: Record<string, { words: string[]; zh: string[] }> }> = {
  electronic_information: {
    words: ['software', 'data', 'network', 'digital', 'computing', 'algorithm', 'cloud', 'platform'],
    zh: ['软件', '数据', '网络', '数字化', '计算'],
    sub: {
      ai: { words: ['learning', 'neural', 'model', 'inference', 'vision', 'language', 'training', 'transformer'], zh: ['人工智能', '机器学习', '神经网络'] },
      chips: { words: ['semiconductor', 'chip', 'wafer', 'lithography', 'circuit', 'fpga', 'asic', 'packaging'], zh: ['芯片', '半导体', '集成电路'] },
      telecom: { words: ['wireless', '5g', 'antenna', 'spectrum', 'baseband', 'optical', 'fiber', 'protocol'], zh: ['通信', '无线', '光纤'] },
      security: {
        words: ['encryption', 'cryptography', 'intrusion', 'authentication', 'privacy', 'malware', 'firewall', 'audit'],
        zh: ['网络安全', '加密', '隐私'],
      },
      iot: { words: ['sensor', 'embedded', 'edge', 'firmware', 'gateway', 'telemetry', 'microcontroller', 'mesh'], zh: ['物联网', '传感器', '嵌入式'] },
      software_eng: {
        words: ['compiler', 'database', 'distributed', 'microservice', 'testing', 'devops', 'query', 'storage'],
        zh: ['数据库', '分布式', '云计算'],
      },
    },
  },
  biomedicine: {
    words: ['clinical', 'patient', 'therapy', 'disease', 'medical', 'biological', 'trial', 'diagnosis'],
    zh: ['临床', '患者', '治疗', '医疗'],
    sub: {
      drugs: { words: ['compound', 'molecule', 'pharmacology', 'dosage', 'inhibitor', 'toxicity', 'formulation', 'synthesis'], zh: ['药物', '化合物', '制剂'] },
      devices: { words: ['implant', 'catheter', 'stent', 'ultrasound', 'wearable', 'prosthesis', 'surgical', 'monitor'], zh: ['医疗器械', '植入', '超声'] },
      genomics: { words: ['genome', 'sequencing', 'gene', 'crispr', 'mutation', 'expression', 'rna', 'dna'], zh: ['基因', '测序', '基因组'] },
      diagnostics: { words: ['assay', 'biomarker', 'antibody', 'reagent', 'screening', 'pathology', 'immunoassay', 'sample'], zh: ['诊断', '试剂', '检测'] },
      vaccines: { words: ['vaccine', 'antigen', 'immune', 'adjuvant', 'virus', 'immunogenicity', 'mrna', 'pathogen'], zh: ['疫苗', '免疫', '病毒'] },
      tcm: { words: ['herbal', 'acupuncture', 'extract', 'traditional', 'decoction', 'botanical', 'meridian', 'ginseng'], zh: ['中医药', '中药', '针灸'] },
    },
  },
  aerospace: {
    words: ['flight', 'aircraft', 'orbit', 'propulsion', 'aviation', 'airframe', 'navigation', 'avionics'],
    zh: ['航空', '航天', '飞行器'],
    sub: {
      satellites: { words: ['satellite', 'payload', 'constellation', 'cubesat', 'attitude', 'transponder', 'ground', 'station'], zh: ['卫星', '遥感', '载荷'] },
      drones: { words: ['drone', 'uav', 'autopilot', 'rotor', 'swarm', 'endurance', 'quadcopter', 'mapping'], zh: ['无人机', '旋翼', '航拍'] },
      engines: { words: ['turbine', 'combustion', 'nozzle', 'thrust', 'compressor', 'jet', 'rocket', 'fuel'], zh: ['发动机', '火箭', '推进'] },
      composites_aero: { words: ['laminate', 'fatigue', 'fuselage', 'wing', 'structural', 'aerodynamic', 'wind', 'tunnel'], zh: ['机翼', '结构', '气动'] },
      space_ops: { words: ['launch', 'debris', 'docking', 'trajectory', 'reentry', 'telemetry', 'mission', 'deorbit'], zh: ['发射', '轨道', '测控'] },
      air_traffic: { words: ['airspace', 'radar', 'traffic', 'runway', 'airport', 'collision', 'surveillance', 'routing'], zh: ['空管', '雷达', '机场'] },
    },
  },
  new_materials: {
    words: ['material', 'polymer', 'alloy', 'coating', 'fabrication', 'microstructure', 'nano', 'surface'],
    zh: ['材料', '新材料', '涂层'],
    sub: {
      graphene: {
        words: ['graphene', 'carbon', 'nanotube', 'monolayer', 'exfoliation', 'conductivity', 'film', 'dispersion'],
        zh: ['石墨烯', '碳纳米管', '薄膜'],
      },
      ceramics: { words: ['ceramic', 'sintering', 'oxide', 'refractory', 'zirconia', 'porcelain', 'powder', 'kiln'], zh: ['陶瓷', '烧结', '粉体'] },
      metals: { words: ['steel', 'titanium', 'casting', 'forging', 'welding', 'magnesium', 'corrosion', 'heat'], zh: ['合金', '钢铁', '铸造'] },
      polymers: { words: ['resin', 'plastic', 'elastomer', 'fiber', 'extrusion', 'biodegradable', 'monomer', 'membrane'], zh: ['高分子', '塑料', '树脂'] },
      rare_earth: { words: ['rare', 'earth', 'magnet', 'neodymium', 'phosphor', 'lanthanide', 'separation', 'yttrium'], zh: ['稀土', '磁性', '永磁'] },
      semicon_mat: { words: ['crystal', 'silicon', 'gallium', 'nitride', 'epitaxy', 'substrate', 'doping', 'ingot'], zh: ['晶体', '硅片', '氮化镓'] },
    },
  },
  hightech_services: {
    words: ['service', 'consulting', 'management', 'customer', 'enterprise', 'solution', 'operation', 'outsourcing'],
    zh: ['服务', '咨询', '管理'],
    sub: {
      fintech: { words: ['payment', 'credit', 'banking', 'blockchain', 'lending', 'insurance', 'risk', 'ledger'], zh: ['金融科技', '支付', '区块链'] },
      logistics: { words: ['logistics', 'warehouse', 'delivery', 'freight', 'supply', 'chain', 'inventory', 'fleet'], zh: ['物流', '仓储', '供应链'] },
      design: { words: ['design', 'prototype', 'user', 'interface', 'experience', 'industrial', 'ergonomic', 'styling'], zh: ['工业设计', '原型', '用户体验'] },
      testing: {
        words: ['certification', 'inspection', 'calibration', 'metrology', 'standard', 'laboratory', 'compliance', 'accreditation'],
        zh: ['检验', '认证', '计量'],
      },
      edtech: { words: ['education', 'student', 'course', 'teacher', 'classroom', 'online', 'curriculum', 'tutoring'], zh: ['教育', '课程', '在线'] },
      ip_services: {
        words: ['patent', 'licensing', 'trademark', 'transfer', 'valuation', 'infringement', 'portfolio', 'commercialisation'],
        zh: ['专利', '知识产权', '技术转移'],
      },
    },
  },
  new_energy: {
    words: ['energy', 'power', 'grid', 'efficiency', 'renewable', 'electricity', 'storage', 'carbon'],
    zh: ['能源', '新能源', '电力'],
    sub: {
      solar: { words: ['solar', 'photovoltaic', 'perovskite', 'module', 'inverter', 'irradiance', 'panel', 'cell'], zh: ['光伏', '太阳能', '钙钛矿'] },
      batteries: { words: ['battery', 'lithium', 'cathode', 'anode', 'electrolyte', 'charging', 'solid', 'state'], zh: ['电池', '锂电', '储能'] },
      wind: { words: ['wind', 'turbine', 'blade', 'offshore', 'gearbox', 'yaw', 'nacelle', 'farm'], zh: ['风电', '风机', '海上'] },
      hydrogen: { words: ['hydrogen', 'electrolyser', 'fuel', 'membrane', 'ammonia', 'refuelling', 'catalyst', 'tank'], zh: ['氢能', '燃料电池', '电解'] },
      smart_grid: {
        words: ['substation', 'transformer', 'dispatch', 'microgrid', 'meter', 'demand', 'response', 'voltage'],
        zh: ['智能电网', '配电', '变电站'],
      },
      nuclear: { words: ['nuclear', 'reactor', 'fission', 'fusion', 'isotope', 'radiation', 'shielding', 'uranium'], zh: ['核能', '反应堆', '核电'] },
    },
  },
  resources_environment: {
    words: ['environment', 'pollution', 'emission', 'monitoring', 'ecological', 'waste', 'resource', 'treatment'],
    zh: ['环境', '环保', '污染'],
    sub: {
      water: { words: ['water', 'wastewater', 'sewage', 'desalination', 'filtration', 'sludge', 'aquifer', 'purification'], zh: ['水处理', '污水', '净水'] },
      air: { words: ['air', 'particulate', 'dust', 'desulfurization', 'denitrification', 'flue', 'gas', 'scrubber'], zh: ['大气', '脱硫', '除尘'] },
      soil: { words: ['soil', 'remediation', 'contaminated', 'heavy', 'metal', 'land', 'erosion', 'leaching'], zh: ['土壤', '修复', '重金属'] },
      recycling: { words: ['recycling', 'circular', 'scrap', 'sorting', 'reuse', 'landfill', 'composting', 'plastic'], zh: ['回收', '循环经济', '固废'] },
      agriculture: { words: ['crop', 'seed', 'irrigation', 'fertilizer', 'pest', 'yield', 'greenhouse', 'livestock'], zh: ['农业', '种子', '灌溉'] },
      mining: { words: ['mining', 'ore', 'exploration', 'tailings', 'geological', 'drilling', 'mineral', 'beneficiation'], zh: ['矿产', '勘探', '选矿'] },
    },
  },
  advanced_manufacturing: {
    words: ['manufacturing', 'production', 'automation', 'machine', 'factory', 'equipment', 'precision', 'industrial'],
    zh: ['制造', '智能制造', '装备'],
    sub: {
      robotics: { words: ['robot', 'manipulator', 'gripper', 'actuator', 'servo', 'kinematics', 'collaborative', 'welding'], zh: ['机器人', '机械臂', '伺服'] },
      additive: { words: ['printing', 'additive', 'laser', 'powder', 'layer', 'sintering', 'extrusion', 'lattice'], zh: ['增材制造', '激光', '打印'] },
      cnc: { words: ['cnc', 'milling', 'lathe', 'tooling', 'spindle', 'machining', 'grinding', 'tolerance'], zh: ['数控', '机床', '加工'] },
      automotive: {
        words: ['vehicle', 'electric', 'autonomous', 'driving', 'chassis', 'powertrain', 'motor', 'lidar'],
        zh: ['汽车', '新能源汽车', '自动驾驶'],
      },
      instruments: {
        words: ['instrument', 'spectrometer', 'measurement', 'detector', 'optics', 'microscope', 'analyzer', 'probe'],
        zh: ['仪器', '光谱', '测量'],
      },
      rail: { words: ['rail', 'train', 'track', 'signalling', 'bogie', 'traction', 'metro', 'locomotive'], zh: ['轨道交通', '高铁', '列车'] },
    },
  },
};

const GENERAL = [
  'innovation',
  'technology',
  'development',
  'research',
  'product',
  'market',
  'cost',
  'performance',
  'quality',
  'application',
  'system',
  'method',
  'novel',
  'improved',
  'commercial',
  'pilot',
  'scale',
  'team',
  'customers',
  'demonstration',
  'prototype',
  'validation',
  'integration',
  'reliability',
  'capacity',
  'process',
  'advanced',
  'domestic',
  'export',
  'competitive',
];
const STOP = ['the', 'and', 'of', 'for', 'a', 'in', 'to', 'with', 'on', 'by', 'our', 'we', 'this', 'an', 'is'];
const GENERAL_ZH = ['创新', '技术', '研发', '产品', '市场', '产业化', '示范', '团队', '性能', '质量'];

type Subfield = { tag: string; sector: Sector; words: string[]; zh: string[]; sectorWords: string[]; sectorZh: string[]; jargon: string[] };

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'vex', 'dra', 'no', 'phi', 'zu', 'quel', 'tra', 'sen', 'bor', 'ix', 'mal', 'ren', 'tho', 'gy'];
/** The taxonomy as a flat list of subfields, each with a few made-up technical words of its own (fixed, not seeded). */
const SUBFIELDS: Subfield[] = (() => {
  const rng = createRng(424242);
  const out: Subfield[] = [];
  for (const sector of SECTORS) {
    const s = TAXONOMY[sector];
    for (const [code, sub] of Object.entries(s.sub)) {
      const jargon = Array.from({ length: 12 }, () => {
        const n = 2 + Math.floor(rng() * 2);
        let w = '';
        for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rng() * SYLLABLES.length)];
        return w;
      });
      out.push({ tag: `${sector}.${code}`, sector, words: sub.words, zh: sub.zh, sectorWords: s.words, sectorZh: s.zh, jargon });
    }
  }
  return out;
})();

/** Every taxonomy code the generator uses. */
export const TAXONOMY_CODES: readonly string[] = SUBFIELDS.map((s) => s.tag);

export type GeneratorOptions = {
  seed?: number;
  applications: number;
  reviewers: number;
  /** Share of senior reviewers (default 0.35). */
  seniorShare?: number;
  /** Share of applications written in Chinese (default 0.05). */
  chineseShare?: number;
  /** Institutions per sector; fewer means more shared affiliations, hence more conflicts (default 80: about 1% of the pairs worth considering). */
  institutionsPerSector?: number;
  /** Earlier joint applications to generate (default: applications / 7). */
  history?: number;
};

/**
 * A synthetic instance: the same options give the same instance, ids included. Applications cluster in a
 * few popular subfields (the demand is uneven), reviewers spread differently, so load caps bind. Marked
 * `synthetic: true`.
 */
export function generateInstance(options: GeneratorOptions): AssignmentInstance {
  const rng = createRng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)];
  const chance = (p: number) => rng() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const seniorShare = options.seniorShare ?? 0.35;
  const chineseShare = options.chineseShare ?? 0.05;
  const instPerSector = options.institutionsPerSector ?? 80;

  // Uneven popularity of subfields: Zipf-like for applications, flatter for reviewers.
  const order = SUBFIELDS.map((_, i) => i).sort(() => rng() - 0.5);
  const appWeight = new Float64Array(SUBFIELDS.length);
  const revWeight = new Float64Array(SUBFIELDS.length);
  order.forEach((s, rank) => {
    appWeight[s] = 1 / (rank + 3) ** 0.9;
    revWeight[s] = 1 / (rank + 3) ** 0.6 + (chance(0.3) ? 0.05 : 0);
  });
  const weighted = (w: Float64Array) => {
    let total = 0;
    for (const x of w) total += x;
    let r = rng() * total;
    for (let i = 0; i < w.length; i++) {
      r -= w[i];
      if (r < 0) return i;
    }
    return w.length - 1;
  };
  const relatedSub = (s: number) => (chance(0.7) ? SUBFIELDS.findIndex((x) => x.sector === SUBFIELDS[s].sector) + int(0, 5) : int(0, SUBFIELDS.length - 1));
  const institution = (s: number) => `inst-${SUBFIELDS[s].sector}-${pad(int(1, instPerSector), 3)}`;

  const words = (subs: number[], n: number, chinese: boolean): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = SUBFIELDS[chance(0.7) ? subs[0] : pick(subs)];
      const r = rng();
      if (chinese) out.push(r < 0.45 ? pick(s.zh) : r < 0.7 ? pick(s.sectorZh) : r < 0.8 ? pick(s.jargon) : pick(GENERAL_ZH));
      else out.push(r < 0.3 ? pick(s.words) : r < 0.45 ? pick(s.jargon) : r < 0.6 ? pick(s.sectorWords) : r < 0.8 ? pick(GENERAL) : pick(STOP));
    }
    return chinese ? out.join('') : out.join(' ');
  };

  const applicantPeople = Math.max(10, Math.round(options.applications * 1.6));
  const enterprises = Math.max(5, Math.round(options.applications * 0.8));
  const applications: Application[] = [];
  for (let i = 0; i < options.applications; i++) {
    const primary = weighted(appWeight);
    const subs = [primary, ...(chance(0.5) ? [relatedSub(primary)] : []), ...(chance(0.15) ? [relatedSub(primary)] : [])];
    const chinese = chance(chineseShare);
    const title = words([primary], int(4, 8), chinese);
    const abstract = words(subs, int(35, 80), chinese);
    const tags = [...new Set(subs.map((s) => SUBFIELDS[s].tag))];
    const people = Array.from({ length: int(1, 4) }, () => `person-a${pad(int(1, applicantPeople), 6)}`);
    applications.push({
      id: `app-${pad(i + 1, 6)}`,
      title: chinese ? title : title[0].toUpperCase() + title.slice(1),
      abstract,
      tags,
      enterpriseId: `ent-${pad(int(1, enterprises), 6)}`,
      institutionIds: chance(0.5) ? [...new Set(Array.from({ length: int(1, 2) }, () => institution(primary)))] : [],
      applicantPersonIds: [...new Set(people)],
    });
  }

  const reviewers: Reviewer[] = [];
  for (let j = 0; j < options.reviewers; j++) {
    const primary = weighted(revWeight);
    const subs = [primary, ...(chance(0.6) ? [relatedSub(primary)] : []), ...(chance(0.3) ? [weighted(revWeight)] : [])];
    const bilingual = chance(chineseShare * 4);
    const expertise = words(subs, int(12, 30), false) + (bilingual ? `; ${words(subs, int(4, 10), true)}` : '');
    const industry = chance(0.3);
    reviewers.push({
      id: `rev-${pad(j + 1, 5)}`,
      personId: `person-r${pad(j + 1, 5)}`,
      name: `Reviewer ${j + 1}`,
      expertise,
      tags: [...new Set(subs.map((s) => SUBFIELDS[s].tag))],
      senior: chance(seniorShare),
      organisationId: industry ? `ent-${pad(int(1, enterprises), 6)}` : institution(primary),
      affiliationIds: chance(0.4) ? [institution(primary)] : [],
      declaredConflicts: chance(0.1) ? Array.from({ length: int(1, 3) }, () => `ent-${pad(int(1, enterprises), 6)}`) : [],
    });
  }

  // Earlier applications: applicants with co-applicants, some of whom now review.
  const history: JointApplication[] = [];
  const historyCount = options.history ?? Math.round(options.applications / 7);
  for (let h = 0; h < historyCount; h++) {
    const people = [`person-a${pad(int(1, applicantPeople), 6)}`, `person-r${pad(int(1, options.reviewers), 5)}`];
    if (chance(0.5)) people.push(`person-a${pad(int(1, applicantPeople), 6)}`);
    history.push({ id: `hist-${pad(h + 1, 6)}`, personIds: [...new Set(people)] });
  }

  return { applications, reviewers, history, pairConflicts: [], synthetic: true };
}
