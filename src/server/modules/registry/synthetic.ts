import { type EntityType, INCUBATOR_KINDS, INVESTOR_KINDS, PERSON_ROLES, type SECTORS, type STAGES } from '../../../shared/contracts/registry';
import type { Names } from './registry.tables';

/**
 * A deterministic synthetic registry for benchmarks and demos: the same seed gives the same entities, ids
 * included. Every entity is marked `synthetic: true`. Proportions are those of a real programme registry:
 * mostly enterprises, then people, institutions, incubators, investors and a few zones; mostly Chinese,
 * then Pakistani, then other countries. Chinese names are composed from words whose pinyin is written out
 * in the English name (武汉华创智能科技有限公司 → Wuhan Huachuang Zhineng Keji Co., Ltd.), Pakistani names
 * carry an Urdu form. Province and city codes are those of data/reference/geography.json.
 */

type Sector = (typeof SECTORS)[number];
type Stage = (typeof STAGES)[number];

export type SyntheticEntity = {
  type: EntityType;
  id: string;
  key: string;
  names: Names;
  country: string;
  province: string | null;
  city: string | null;
  kind: string | null;
  sector: Sector | null;
  stage: Stage | null;
  foundedOn: string | null;
  employees: number | null;
  website: string | null;
  roles: string[] | null;
  synthetic: true;
};

/** mulberry32: small, fast, good enough for test data, and the same on every platform. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
/** Picks by weight; `weights` are the second element of each pair. */
const cumulative = new WeakMap<object, { sums: Float64Array; total: number }>();
function weighted<T>(rng: Rng, list: readonly (readonly [T, number])[]): T {
  let c = cumulative.get(list);
  if (!c) {
    const sums = new Float64Array(list.length);
    let total = 0;
    list.forEach(([, w], i) => {
      total += w;
      sums[i] = total;
    });
    c = { sums, total };
    cumulative.set(list, c);
  }
  const r = rng() * c.total;
  for (let i = 0; i < list.length; i++) if (r < c.sums[i]) return list[i][0];
  return list[list.length - 1][0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** A version-4-shaped UUID from the generator's stream. */
function uuid(rng: Rng): string {
  const b = new Array<string>(16);
  for (let i = 0; i < 16; i += 4) {
    const n = Math.floor(rng() * 4294967296);
    b[i] = HEX[n >>> 24];
    b[i + 1] = HEX[(n >>> 16) & 255];
    b[i + 2] = HEX[(n >>> 8) & 255];
    b[i + 3] = HEX[n & 255];
  }
  b[6] = `4${b[6][1]}`;
  b[8] = HEX[(Number.parseInt(b[8], 16) & 0x3f) | 0x80];
  return `${b[0]}${b[1]}${b[2]}${b[3]}-${b[4]}${b[5]}-${b[6]}${b[7]}-${b[8]}${b[9]}-${b[10]}${b[11]}${b[12]}${b[13]}${b[14]}${b[15]}`;
}

// ---- Chinese vocabulary: [hanzi, pinyin as written in an English name] ----

type CnCity = { zh: string; en: string; province: string; city: string; weight: number; districts: (readonly [string, string])[] };
const CN_CITIES: CnCity[] = [
  {
    zh: '北京',
    en: 'Beijing',
    province: '110000',
    city: '110100',
    weight: 12,
    districts: [
      ['中关村', 'Zhongguancun'],
      ['海淀', 'Haidian'],
      ['亦庄', 'Yizhuang'],
      ['朝阳', 'Chaoyang'],
    ],
  },
  {
    zh: '上海',
    en: 'Shanghai',
    province: '310000',
    city: '310100',
    weight: 11,
    districts: [
      ['张江', 'Zhangjiang'],
      ['浦东', 'Pudong'],
      ['漕河泾', 'Caohejing'],
    ],
  },
  {
    zh: '深圳',
    en: 'Shenzhen',
    province: '440000',
    city: '440300',
    weight: 10,
    districts: [
      ['南山', 'Nanshan'],
      ['前海', 'Qianhai'],
      ['福田', 'Futian'],
    ],
  },
  {
    zh: '广州',
    en: 'Guangzhou',
    province: '440000',
    city: '440100',
    weight: 6,
    districts: [
      ['天河', 'Tianhe'],
      ['黄埔', 'Huangpu'],
    ],
  },
  {
    zh: '杭州',
    en: 'Hangzhou',
    province: '330000',
    city: '330100',
    weight: 6,
    districts: [
      ['滨江', 'Binjiang'],
      ['余杭', 'Yuhang'],
    ],
  },
  {
    zh: '武汉',
    en: 'Wuhan',
    province: '420000',
    city: '420100',
    weight: 5,
    districts: [
      ['东湖', 'Donghu'],
      ['光谷', 'Guanggu'],
    ],
  },
  {
    zh: '南京',
    en: 'Nanjing',
    province: '320000',
    city: '320100',
    weight: 5,
    districts: [
      ['江宁', 'Jiangning'],
      ['江北', 'Jiangbei'],
    ],
  },
  { zh: '苏州', en: 'Suzhou', province: '320000', city: '320500', weight: 5, districts: [['吴中', 'Wuzhong']] },
  { zh: '成都', en: 'Chengdu', province: '510000', city: '510100', weight: 5, districts: [['天府', 'Tianfu']] },
  { zh: '西安', en: "Xi'an", province: '610000', city: '610100', weight: 4, districts: [['曲江', 'Qujiang']] },
  {
    zh: '济南',
    en: 'Jinan',
    province: '370000',
    city: '370100',
    weight: 3,
    districts: [
      ['历城', 'Licheng'],
      ['齐鲁', 'Qilu'],
    ],
  },
  { zh: '青岛', en: 'Qingdao', province: '370000', city: '370200', weight: 3, districts: [['崂山', 'Laoshan']] },
  { zh: '宁波', en: 'Ningbo', province: '330000', city: '330200', weight: 3, districts: [['鄞州', 'Yinzhou']] },
  { zh: '天津', en: 'Tianjin', province: '120000', city: '120100', weight: 3, districts: [['滨海', 'Binhai']] },
  { zh: '重庆', en: 'Chongqing', province: '500000', city: '500100', weight: 3, districts: [['两江', 'Liangjiang']] },
  { zh: '合肥', en: 'Hefei', province: '340000', city: '340100', weight: 3, districts: [['蜀山', 'Shushan']] },
  { zh: '长沙', en: 'Changsha', province: '430000', city: '430100', weight: 2, districts: [['岳麓', 'Yuelu']] },
  { zh: '郑州', en: 'Zhengzhou', province: '410000', city: '410100', weight: 2, districts: [['金水', 'Jinshui']] },
  { zh: '厦门', en: 'Xiamen', province: '350000', city: '350200', weight: 2, districts: [['思明', 'Siming']] },
  { zh: '福州', en: 'Fuzhou', province: '350000', city: '350100', weight: 1, districts: [['鼓楼', 'Gulou']] },
  { zh: '沈阳', en: 'Shenyang', province: '210000', city: '210100', weight: 2, districts: [['浑南', 'Hunnan']] },
  { zh: '大连', en: 'Dalian', province: '210000', city: '210200', weight: 1, districts: [['金州', 'Jinzhou']] },
  { zh: '石家庄', en: 'Shijiazhuang', province: '130000', city: '130100', weight: 1, districts: [['裕华', 'Yuhua']] },
  { zh: '长春', en: 'Changchun', province: '220000', city: '220100', weight: 1, districts: [['净月', 'Jingyue']] },
  { zh: '无锡', en: 'Wuxi', province: '320000', city: '320200', weight: 2, districts: [['新吴', 'Xinwu']] },
  { zh: '珠海', en: 'Zhuhai', province: '440000', city: '440400', weight: 1, districts: [['横琴', 'Hengqin']] },
  { zh: '佛山', en: 'Foshan', province: '440000', city: '440600', weight: 1, districts: [['南海', 'Nanhai']] },
  { zh: '昆明', en: 'Kunming', province: '530000', city: '530100', weight: 1, districts: [['呈贡', 'Chenggong']] },
  { zh: '南昌', en: 'Nanchang', province: '360000', city: '360100', weight: 1, districts: [['红谷滩', 'Honggutan']] },
  { zh: '太原', en: 'Taiyuan', province: '140000', city: '140100', weight: 1, districts: [['小店', 'Xiaodian']] },
  { zh: '兰州', en: 'Lanzhou', province: '620000', city: '620100', weight: 1, districts: [['安宁', 'Anning']] },
  { zh: '贵阳', en: 'Guiyang', province: '520000', city: '520100', weight: 1, districts: [['观山湖', 'Guanshanhu']] },
];

/** Characters for brand names, each with one reading (no polyphones, so the pinyin is certain). */
const BRAND_CHARS: (readonly [string, string])[] = [
  ['华', 'hua'],
  ['创', 'chuang'],
  ['新', 'xin'],
  ['达', 'da'],
  ['瑞', 'rui'],
  ['博', 'bo'],
  ['泰', 'tai'],
  ['恒', 'heng'],
  ['天', 'tian'],
  ['金', 'jin'],
  ['宏', 'hong'],
  ['远', 'yuan'],
  ['海', 'hai'],
  ['联', 'lian'],
  ['信', 'xin'],
  ['安', 'an'],
  ['康', 'kang'],
  ['英', 'ying'],
  ['美', 'mei'],
  ['嘉', 'jia'],
  ['润', 'run'],
  ['星', 'xing'],
  ['光', 'guang'],
  ['明', 'ming'],
  ['鑫', 'xin'],
  ['腾', 'teng'],
  ['讯', 'xun'],
  ['凯', 'kai'],
  ['鼎', 'ding'],
  ['晨', 'chen'],
  ['云', 'yun'],
  ['峰', 'feng'],
  ['众', 'zhong'],
  ['力', 'li'],
  ['源', 'yuan'],
  ['捷', 'jie'],
  ['卓', 'zhuo'],
  ['越', 'yue'],
  ['蓝', 'lan'],
  ['芯', 'xin'],
  ['微', 'wei'],
  ['启', 'qi'],
  ['阳', 'yang'],
  ['德', 'de'],
  ['立', 'li'],
  ['通', 'tong'],
  ['诚', 'cheng'],
  ['锐', 'rui'],
  ['东', 'dong'],
  ['方', 'fang'],
  ['中', 'zhong'],
  ['科', 'ke'],
  ['宇', 'yu'],
  ['晶', 'jing'],
  ['磊', 'lei'],
  ['航', 'hang'],
];

/** Business lines: Chinese words, their pinyin, an English translation, and the sector they fall in. */
const CN_LINES: { zh: string; pinyin: string; en: string; sector: Sector; weight: number }[] = [
  { zh: '智能科技', pinyin: 'Zhineng Keji', en: 'Intelligent Technology', sector: 'electronic_information', weight: 10 },
  { zh: '信息技术', pinyin: 'Xinxi Jishu', en: 'Information Technology', sector: 'electronic_information', weight: 8 },
  { zh: '软件', pinyin: 'Ruanjian', en: 'Software', sector: 'electronic_information', weight: 8 },
  { zh: '电子', pinyin: 'Dianzi', en: 'Electronics', sector: 'electronic_information', weight: 6 },
  { zh: '网络科技', pinyin: 'Wangluo Keji', en: 'Network Technology', sector: 'electronic_information', weight: 6 },
  { zh: '数据科技', pinyin: 'Shuju Keji', en: 'Data Technology', sector: 'electronic_information', weight: 4 },
  { zh: '半导体', pinyin: 'Bandaoti', en: 'Semiconductor', sector: 'electronic_information', weight: 3 },
  { zh: '生物医药', pinyin: 'Shengwu Yiyao', en: 'Biomedicine', sector: 'biomedicine', weight: 5 },
  { zh: '生物科技', pinyin: 'Shengwu Keji', en: 'Biotechnology', sector: 'biomedicine', weight: 4 },
  { zh: '医疗器械', pinyin: 'Yiliao Qixie', en: 'Medical Devices', sector: 'biomedicine', weight: 3 },
  { zh: '新材料', pinyin: 'Xin Cailiao', en: 'New Materials', sector: 'new_materials', weight: 5 },
  { zh: '新能源', pinyin: 'Xin Nengyuan', en: 'New Energy', sector: 'new_energy', weight: 4 },
  { zh: '能源科技', pinyin: 'Nengyuan Keji', en: 'Energy Technology', sector: 'new_energy', weight: 3 },
  { zh: '智能制造', pinyin: 'Zhineng Zhizao', en: 'Intelligent Manufacturing', sector: 'advanced_manufacturing', weight: 5 },
  { zh: '机器人', pinyin: 'Jiqiren', en: 'Robotics', sector: 'advanced_manufacturing', weight: 3 },
  { zh: '精密机械', pinyin: 'Jingmi Jixie', en: 'Precision Machinery', sector: 'advanced_manufacturing', weight: 3 },
  { zh: '航空航天', pinyin: 'Hangkong Hangtian', en: 'Aerospace', sector: 'aerospace', weight: 1 },
  { zh: '环保科技', pinyin: 'Huanbao Keji', en: 'Environmental Technology', sector: 'resources_environment', weight: 3 },
  { zh: '检测技术', pinyin: 'Jiance Jishu', en: 'Testing Technology', sector: 'hightech_services', weight: 2 },
  { zh: '咨询服务', pinyin: 'Zixun Fuwu', en: 'Consulting Services', sector: 'hightech_services', weight: 2 },
];

const CN_SURNAMES: (readonly [string, string])[] = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['赵', 'Zhao'],
  ['黄', 'Huang'],
  ['周', 'Zhou'],
  ['吴', 'Wu'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['林', 'Lin'],
  ['罗', 'Luo'],
  ['高', 'Gao'],
  ['梁', 'Liang'],
  ['宋', 'Song'],
  ['郑', 'Zheng'],
  ['谢', 'Xie'],
  ['韩', 'Han'],
];
const CN_GIVEN: (readonly [string, string])[] = [
  ['伟', 'Wei'],
  ['芳', 'Fang'],
  ['敏', 'Min'],
  ['静', 'Jing'],
  ['丽', 'Li'],
  ['强', 'Qiang'],
  ['磊', 'Lei'],
  ['军', 'Jun'],
  ['洋', 'Yang'],
  ['勇', 'Yong'],
  ['艳', 'Yan'],
  ['杰', 'Jie'],
  ['娟', 'Juan'],
  ['涛', 'Tao'],
  ['明', 'Ming'],
  ['超', 'Chao'],
  ['秀英', 'Xiuying'],
  ['霞', 'Xia'],
  ['平', 'Ping'],
  ['刚', 'Gang'],
  ['建国', 'Jianguo'],
  ['晓明', 'Xiaoming'],
  ['海燕', 'Haiyan'],
  ['志强', 'Zhiqiang'],
];

// ---- Pakistani vocabulary: [English, Urdu] ----

type PkCity = { en: string; ur: string; province: string; city: string | null; weight: number };
const PK_CITIES: PkCity[] = [
  { en: 'Karachi', ur: 'کراچی', province: 'PK-SD', city: 'PK-SD-KHI', weight: 8 },
  { en: 'Lahore', ur: 'لاہور', province: 'PK-PB', city: 'PK-PB-LHE', weight: 7 },
  { en: 'Islamabad', ur: 'اسلام آباد', province: 'PK-IS', city: 'PK-IS-ISB', weight: 6 },
  { en: 'Rawalpindi', ur: 'راولپنڈی', province: 'PK-PB', city: null, weight: 3 },
  { en: 'Faisalabad', ur: 'فیصل آباد', province: 'PK-PB', city: null, weight: 3 },
  { en: 'Peshawar', ur: 'پشاور', province: 'PK-KP', city: null, weight: 3 },
  { en: 'Multan', ur: 'ملتان', province: 'PK-PB', city: null, weight: 2 },
  { en: 'Sialkot', ur: 'سیالکوٹ', province: 'PK-PB', city: 'PK-PB-SKT', weight: 2 },
  { en: 'Hyderabad', ur: 'حیدرآباد', province: 'PK-SD', city: null, weight: 2 },
  { en: 'Quetta', ur: 'کوئٹہ', province: 'PK-BA', city: null, weight: 1 },
  { en: 'Gilgit', ur: 'گلگت', province: 'PK-GB', city: null, weight: 1 },
];
const PK_BRANDS: (readonly [string, string])[] = [
  ['Indus', 'انڈس'],
  ['Crescent', 'کریسنٹ'],
  ['Al-Noor', 'النور'],
  ['Falcon', 'فالکن'],
  ['Mehran', 'مہران'],
  ['Ravi', 'راوی'],
  ['Margalla', 'مارگلہ'],
  ['Khyber', 'خیبر'],
  ['Sapphire', 'سفائر'],
  ['Nishat', 'نشاط'],
  ['Habib', 'حبیب'],
  ['Summit', 'سمٹ'],
  ['Orient', 'اورینٹ'],
  ['Prime', 'پرائم'],
  ['Apex', 'ایپکس'],
  ['Vision', 'ویژن'],
  ['Chenab', 'چناب'],
  ['Karakoram', 'قراقرم'],
];
const PK_MODIFIERS: (readonly [string, string])[] = [
  ['Digital', 'ڈیجیٹل'],
  ['Smart', 'سمارٹ'],
  ['Global', 'گلوبل'],
  ['United', 'یونائیٹڈ'],
  ['National', 'نیشنل'],
  ['Advanced', 'ایڈوانسڈ'],
  ['Allied', 'الائیڈ'],
  ['Modern', 'ماڈرن'],
  ['Green', 'گرین'],
  ['Star', 'اسٹار'],
  ['Royal', 'رائل'],
  ['Swift', 'سوئفٹ'],
  ['Bright', 'برائٹ'],
  ['Elite', 'ایلیٹ'],
  ['Dynamic', 'ڈائنامک'],
  ['Precision', 'پریسیژن'],
  ['Nova', 'نووا'],
  ['Alpha', 'الفا'],
];
const PK_LINES: { en: string; ur: string; sector: Sector }[] = [
  { en: 'Technologies', ur: 'ٹیکنالوجیز', sector: 'electronic_information' },
  { en: 'Software', ur: 'سافٹ ویئر', sector: 'electronic_information' },
  { en: 'Systems', ur: 'سسٹمز', sector: 'electronic_information' },
  { en: 'Electronics', ur: 'الیکٹرانکس', sector: 'electronic_information' },
  { en: 'Pharmaceuticals', ur: 'فارماسیوٹیکلز', sector: 'biomedicine' },
  { en: 'Surgical', ur: 'سرجیکل', sector: 'biomedicine' },
  { en: 'Textiles', ur: 'ٹیکسٹائل', sector: 'new_materials' },
  { en: 'Engineering', ur: 'انجینئرنگ', sector: 'advanced_manufacturing' },
  { en: 'Energy', ur: 'انرجی', sector: 'new_energy' },
  { en: 'Agritech', ur: 'ایگری ٹیک', sector: 'resources_environment' },
  { en: 'Solutions', ur: 'سلوشنز', sector: 'hightech_services' },
];
const PK_PEOPLE_FIRST: (readonly [string, string])[] = [
  ['Muhammad', 'محمد'],
  ['Ahmed', 'احمد'],
  ['Ali', 'علی'],
  ['Ayesha', 'عائشہ'],
  ['Fatima', 'فاطمہ'],
  ['Usman', 'عثمان'],
  ['Bilal', 'بلال'],
  ['Sana', 'ثنا'],
  ['Imran', 'عمران'],
  ['Zainab', 'زینب'],
  ['Hamza', 'حمزہ'],
  ['Hina', 'حنا'],
];
const PK_PEOPLE_LAST: (readonly [string, string])[] = [
  ['Khan', 'خان'],
  ['Ahmed', 'احمد'],
  ['Qureshi', 'قریشی'],
  ['Siddiqui', 'صدیقی'],
  ['Malik', 'ملک'],
  ['Chaudhry', 'چوہدری'],
  ['Raza', 'رضا'],
  ['Hussain', 'حسین'],
  ['Shah', 'شاہ'],
  ['Butt', 'بٹ'],
  ['Iqbal', 'اقبال'],
  ['Javed', 'جاوید'],
];

// ---- Other countries: English names only ----

const OTHER_COUNTRIES: (readonly [{ country: string; province: string | null; city: string | null; suffix: string }, number])[] = [
  [{ country: 'MY', province: 'MY-06', city: 'MY-06-KUA', suffix: 'Sdn. Bhd.' }, 2],
  [{ country: 'SG', province: null, city: 'SG-SIN', suffix: 'Pte. Ltd.' }, 2],
  [{ country: 'FR', province: 'FR-PAC', city: null, suffix: 'SAS' }, 1],
  [{ country: 'IR', province: 'IR-10', city: 'IR-10-IFN', suffix: 'Co.' }, 1],
  [{ country: 'US', province: null, city: null, suffix: 'Inc.' }, 2],
  [{ country: 'GB', province: null, city: null, suffix: 'Ltd' }, 1],
  [{ country: 'KR', province: null, city: null, suffix: 'Co., Ltd.' }, 1],
  [{ country: 'TH', province: null, city: null, suffix: 'Co., Ltd.' }, 1],
];
const OTHER_PREFIX = [
  'Nordwind',
  'Lumen',
  'Helix',
  'Vertex',
  'Quanta',
  'Aurora',
  'Meridian',
  'Cobalt',
  'Sterling',
  'Nimbus',
  'Pioneer',
  'Atlas',
  'Zephyr',
  'Orbit',
  'Cedar',
];
const OTHER_SECOND = [
  'Blue',
  'North',
  'Bright',
  'Prime',
  'Clear',
  'Deep',
  'Next',
  'True',
  'Silver',
  'Red',
  'Open',
  'Rapid',
  'Core',
  'Peak',
  'Wave',
  'Bay',
  'Stone',
  'River',
];
const OTHER_NOUN = [
  'Analytics',
  'Biosciences',
  'Robotics',
  'Materials',
  'Photonics',
  'Dynamics',
  'Networks',
  'Labs',
  'Energy',
  'Devices',
  'Systems',
  'Therapeutics',
];
const OTHER_PEOPLE = [
  'Anna Müller',
  'James Smith',
  'Marie Dubois',
  'Kim Min-jun',
  'Siti Rahman',
  'Reza Ahmadi',
  'Somchai Wong',
  'Emily Brown',
  'Lucas Martin',
  'Tan Wei Ling',
];

const TYPES: (readonly [EntityType, number])[] = [
  ['enterprise', 870],
  ['person', 50],
  ['institution', 30],
  ['incubator', 25],
  ['investor', 20],
  ['zone', 5],
];
const STAGE_WEIGHTS: (readonly [Stage, number])[] = [
  ['registered', 600],
  ['incubated', 150],
  ['graduated', 80],
  ['certified_high_tech', 120],
  ['gazelle', 30],
  ['listed', 19],
  ['unicorn', 1],
];
const ZONE_KINDS_WEIGHTED: (readonly [string, number])[] = [
  ['national_hightech_zone', 2],
  ['provincial_zone', 3],
  ['science_park', 4],
  ['industrial_park', 3],
  ['software_park', 2],
  ['member_park', 3],
];

const CN_CITY_WEIGHTS = CN_CITIES.map((c) => [c, c.weight] as const);
const PK_CITY_WEIGHTS = PK_CITIES.map((c) => [c, c.weight] as const);
const CN_LINE_WEIGHTS = CN_LINES.map((l) => [l, l.weight] as const);

type Place = { country: string; province: string | null; city: string | null; cn?: CnCity; pk?: PkCity; suffix?: string };

function place(rng: Rng): Place {
  const r = rng();
  if (r < 0.75) {
    const cn = weighted(rng, CN_CITY_WEIGHTS);
    return { country: 'CN', province: cn.province, city: cn.city, cn };
  }
  if (r < 0.9) {
    const pk = weighted(rng, PK_CITY_WEIGHTS);
    return { country: 'PK', province: pk.province, city: pk.city, pk };
  }
  const o = weighted(rng, OTHER_COUNTRIES);
  return { country: o.country, province: o.province, city: o.city, suffix: o.suffix };
}

/** A two-character brand: 华创 → Huachuang. */
function cnBrand(rng: Rng): { zh: string; en: string } {
  const a = pick(rng, BRAND_CHARS);
  let b = pick(rng, BRAND_CHARS);
  if (b[0] === a[0]) b = BRAND_CHARS[(BRAND_CHARS.indexOf(b) + 1) % BRAND_CHARS.length];
  const py = a[1] + b[1];
  return { zh: a[0] + b[0], en: py[0].toUpperCase() + py.slice(1) };
}

function enterpriseNames(rng: Rng, p: Place): { names: Names; sector: Sector } {
  if (p.cn) {
    const brand = cnBrand(rng);
    const line = weighted(rng, CN_LINE_WEIGHTS);
    const district = rng() < 0.25 ? pick(rng, p.cn.districts) : null;
    const joint = rng() < 0.1;
    const zh = `${p.cn.zh}${district ? district[0] : ''}${brand.zh}${line.zh}${joint ? '股份' : ''}有限公司`;
    // Most registrations transliterate the whole name; some translate the business line.
    const lineEn = rng() < 0.8 ? line.pinyin : line.en;
    const en = `${p.cn.en}${district ? ` ${district[1]}` : ''} ${brand.en} ${lineEn}${joint ? ' Gufen' : ''} Co., Ltd.`;
    return { names: { en, zh }, sector: line.sector };
  }
  if (p.pk) {
    const brand = pick(rng, PK_BRANDS);
    const line = pick(rng, PK_LINES);
    const withCity = rng() < 0.4;
    const modifier = rng() < 0.6 ? pick(rng, PK_MODIFIERS) : null;
    const en = `${withCity ? `${p.pk.en} ` : ''}${brand[0]} ${modifier ? `${modifier[0]} ` : ''}${line.en} (Pvt.) Ltd.`;
    const ur = `${withCity ? `${p.pk.ur} ` : ''}${brand[1]} ${modifier ? `${modifier[1]} ` : ''}${line.ur} (پرائیویٹ) لمیٹڈ`;
    return { names: { en, ur }, sector: line.sector };
  }
  const noun = pick(rng, OTHER_NOUN);
  const sector: Sector =
    noun === 'Biosciences' || noun === 'Therapeutics'
      ? 'biomedicine'
      : noun === 'Energy'
        ? 'new_energy'
        : noun === 'Materials'
          ? 'new_materials'
          : 'electronic_information';
  const second = rng() < 0.7 ? `${pick(rng, OTHER_SECOND)} ` : '';
  return { names: { en: `${pick(rng, OTHER_PREFIX)} ${second}${noun} ${p.suffix ?? 'Ltd.'}` }, sector };
}

function otherNames(rng: Rng, type: EntityType, p: Place): { names: Names; kind: string | null; roles?: string[] } {
  const cityEn = p.cn?.en ?? p.pk?.en ?? '';
  switch (type) {
    case 'person': {
      const roles = [pick(rng, PERSON_ROLES)];
      if (p.cn) {
        const s = pick(rng, CN_SURNAMES);
        const g = pick(rng, CN_GIVEN);
        return { names: { en: `${s[1]} ${g[1]}`, zh: s[0] + g[0] }, kind: null, roles };
      }
      if (p.pk) {
        const f = pick(rng, PK_PEOPLE_FIRST);
        const l = pick(rng, PK_PEOPLE_LAST);
        return { names: { en: `${f[0]} ${l[0]}`, ur: `${f[1]} ${l[1]}` }, kind: null, roles };
      }
      return { names: { en: pick(rng, OTHER_PEOPLE) }, kind: null, roles };
    }
    case 'institution': {
      if (p.cn) {
        const brand = cnBrand(rng);
        const r = rng();
        if (r < 0.3) return { names: { en: `${cityEn} University of Science and Technology`, zh: `${p.cn.zh}科技大学` }, kind: 'university' };
        if (r < 0.8) return { names: { en: `${cityEn} ${brand.en} Research Institute`, zh: `${p.cn.zh}${brand.zh}研究院` }, kind: 'research_institute' };
        return { names: { en: `${cityEn} ${brand.en} Technology Transfer Center`, zh: `${p.cn.zh}${brand.zh}技术转移中心` }, kind: 'tech_transfer_agency' };
      }
      if (p.pk) {
        const brand = pick(rng, PK_BRANDS);
        return rng() < 0.5
          ? { names: { en: `${p.pk.en} Institute of Science and Technology`, ur: `${p.pk.ur} انسٹی ٹیوٹ آف سائنس اینڈ ٹیکنالوجی` }, kind: 'university' }
          : { names: { en: `${brand[0]} ORIC ${p.pk.en}`, ur: `${brand[1]} اورک ${p.pk.ur}` }, kind: 'oric' };
      }
      return { names: { en: `${pick(rng, OTHER_PREFIX)} Institute of ${pick(rng, OTHER_NOUN)}` }, kind: 'research_institute' };
    }
    case 'incubator': {
      const kind = pick(rng, INCUBATOR_KINDS);
      if (p.cn) {
        const brand = cnBrand(rng);
        return kind === 'makerspace'
          ? { names: { en: `${brand.en} Makerspace`, zh: `${brand.zh}众创空间` }, kind }
          : { names: { en: `${cityEn} ${brand.en} Incubator`, zh: `${p.cn.zh}${brand.zh}孵化器` }, kind };
      }
      if (p.pk) {
        const brand = pick(rng, PK_BRANDS);
        return { names: { en: `${brand[0]} Incubation Center ${p.pk.en}`, ur: `${brand[1]} انکیوبیشن سینٹر ${p.pk.ur}` }, kind };
      }
      return { names: { en: `${pick(rng, OTHER_PREFIX)} Venture Lab` }, kind };
    }
    case 'investor': {
      const kind = pick(rng, INVESTOR_KINDS);
      if (p.cn) {
        const brand = cnBrand(rng);
        return { names: { en: `${cityEn} ${brand.en} Venture Capital Fund`, zh: `${p.cn.zh}${brand.zh}创业投资基金` }, kind };
      }
      if (p.pk) {
        const brand = pick(rng, PK_BRANDS);
        return { names: { en: `${brand[0]} Ventures ${p.pk.en}`, ur: `${brand[1]} وینچرز ${p.pk.ur}` }, kind };
      }
      return { names: { en: `${pick(rng, OTHER_PREFIX)} Capital Partners` }, kind };
    }
    case 'zone': {
      const kind = weighted(rng, ZONE_KINDS_WEIGHTED);
      if (p.cn) {
        const d = pick(rng, p.cn.districts);
        const brand = cnBrand(rng);
        return { names: { en: `${cityEn} ${d[1]} ${brand.en} Science Park`, zh: `${p.cn.zh}${d[0]}${brand.zh}科技园` }, kind };
      }
      if (p.pk) return { names: { en: `${p.pk.en} ${pick(rng, PK_BRANDS)[0]} Technology Park`, ur: `${p.pk.ur} ٹیکنالوجی پارک` }, kind };
      return { names: { en: `${pick(rng, OTHER_PREFIX)} Science Park` }, kind };
    }
    default:
      throw new Error(`not an entity type here: ${type}`);
  }
}

function year(rng: Rng, from: number, to: number) {
  return from + Math.floor(rng() * (to - from + 1));
}

/** One entity; `i` numbers it within the set (keys are unique per seed and number). Built field by field: object spread is slow here. */
function entity(rng: Rng, seed: number, i: number, type: EntityType): SyntheticEntity {
  const p = place(rng);
  const id = uuid(rng);
  const key = `syn:${type}:${seed}:${i}`;
  if (type === 'enterprise') {
    const { names, sector } = enterpriseNames(rng, p);
    const employees = Math.max(1, Math.round(Math.exp(rng() * 7)));
    const stage = weighted(rng, STAGE_WEIGHTS);
    const foundedOn = `${year(rng, 1995, 2025)}-${MONTHS[Math.floor(rng() * 12)]}`;
    const website = rng() < 0.3 ? `https://www.${slug(names.en)}-${i}.${p.country === 'CN' ? 'cn' : p.country === 'PK' ? 'pk' : 'com'}` : null;
    return {
      type,
      id,
      key,
      names,
      country: p.country,
      province: p.province,
      city: p.city,
      kind: null,
      sector,
      stage,
      foundedOn,
      employees,
      website,
      roles: null,
      synthetic: true,
    };
  }
  const { names, kind, roles } = otherNames(rng, type, p);
  return {
    type,
    id,
    key,
    names,
    country: p.country,
    province: p.province,
    city: p.city,
    kind,
    sector: null,
    stage: null,
    foundedOn: null,
    employees: null,
    website: null,
    roles: roles ?? null,
    synthetic: true,
  };
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

export type SyntheticOptions = { seed: number; count: number /** Only this type (e.g. enterprises for an import file). */; only?: EntityType };

/** `count` entities, lazily: the same seed and options give the same sequence. */
export function* syntheticEntities({ seed, count, only }: SyntheticOptions): Generator<SyntheticEntity> {
  const rng = createRng(seed);
  for (let i = 0; i < count; i++) yield entity(rng, seed, i, only ?? weighted(rng, TYPES));
}
