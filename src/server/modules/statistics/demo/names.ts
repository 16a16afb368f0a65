import type { SECTORS } from '../../../../shared/contracts/registry';
import type { Names } from '../../registry/registry.tables';
import { pick, type Rng } from './random';

/**
 * Names of the demo's synthetic enterprises and incubators, composed like real registrations in the place of
 * their zone: 武汉华创生物医药有限公司 / Wuhan Huachuang Shengwu Yiyao Co., Ltd.; Sialkot Indus Surgical (Pvt.) Ltd.
 * They are invented (the rows are marked synthetic): no name here is meant to be a real company.
 */

type Sector = (typeof SECTORS)[number];
export type Place = { zh: string | null; en: string; ur: string | null };

const BRANDS: readonly (readonly [string, string])[] = [
  ['华创', 'Huachuang'],
  ['远景', 'Yuanjing'],
  ['启明', 'Qiming'],
  ['博源', 'Boyuan'],
  ['中科', 'Zhongke'],
  ['星河', 'Xinghe'],
  ['瑞达', 'Ruida'],
  ['天成', 'Tiancheng'],
  ['海纳', 'Haina'],
  ['恒信', 'Hengxin'],
  ['云帆', 'Yunfan'],
  ['金桥', 'Jinqiao'],
  ['宏图', 'Hongtu'],
  ['新锐', 'Xinrui'],
  ['东方', 'Dongfang'],
  ['卓越', 'Zhuoyue'],
  ['智源', 'Zhiyuan'],
  ['汇通', 'Huitong'],
  ['铭泰', 'Mingtai'],
  ['致远', 'Zhiyuan'],
  ['百川', 'Baichuan'],
  ['凌云', 'Lingyun'],
  ['嘉禾', 'Jiahe'],
  ['鼎新', 'Dingxin'],
  ['蓝海', 'Lanhai'],
  ['同创', 'Tongchuang'],
  ['飞腾', 'Feiteng'],
  ['晨光', 'Chenguang'],
];

const CN_LINES: Record<Sector, readonly (readonly [string, string])[]> = {
  electronic_information: [
    ['智能科技', 'Zhineng Keji'],
    ['信息技术', 'Xinxi Jishu'],
    ['软件', 'Ruanjian'],
    ['电子', 'Dianzi'],
    ['半导体', 'Bandaoti'],
  ],
  biomedicine: [
    ['生物医药', 'Shengwu Yiyao'],
    ['生物科技', 'Shengwu Keji'],
    ['医疗器械', 'Yiliao Qixie'],
  ],
  aerospace: [['航空航天', 'Hangkong Hangtian']],
  new_materials: [
    ['新材料', 'Xin Cailiao'],
    ['材料科技', 'Cailiao Keji'],
  ],
  hightech_services: [
    ['检测技术', 'Jiance Jishu'],
    ['科技服务', 'Keji Fuwu'],
  ],
  new_energy: [
    ['新能源', 'Xin Nengyuan'],
    ['能源科技', 'Nengyuan Keji'],
  ],
  resources_environment: [['环保科技', 'Huanbao Keji']],
  advanced_manufacturing: [
    ['智能制造', 'Zhineng Zhizao'],
    ['精密机械', 'Jingmi Jixie'],
    ['机器人', 'Jiqiren'],
  ],
};

const PK_BRANDS: readonly (readonly [string, string])[] = [
  ['Indus', 'انڈس'],
  ['Crescent', 'کریسنٹ'],
  ['Falcon', 'فالکن'],
  ['Mehran', 'مہران'],
  ['Ravi', 'راوی'],
  ['Margalla', 'مارگلہ'],
  ['Chenab', 'چناب'],
  ['Karakoram', 'قراقرم'],
];

const PK_LINES: Record<Sector, readonly (readonly [string, string])[]> = {
  electronic_information: [
    ['Software', 'سافٹ ویئر'],
    ['Technologies', 'ٹیکنالوجیز'],
  ],
  biomedicine: [
    ['Surgical', 'سرجیکل'],
    ['Pharmaceuticals', 'فارماسیوٹیکلز'],
  ],
  aerospace: [['Aerospace', 'ایرو اسپیس']],
  new_materials: [['Textiles', 'ٹیکسٹائل']],
  hightech_services: [['Solutions', 'سلوشنز']],
  new_energy: [['Energy', 'انرجی']],
  resources_environment: [['Agritech', 'ایگری ٹیک']],
  advanced_manufacturing: [['Engineering', 'انجینئرنگ']],
};

export function enterpriseName(rng: Rng, country: string, place: Place, sector: Sector): Names {
  if (country === 'PK') {
    const brand = pick(rng, PK_BRANDS);
    const line = pick(rng, PK_LINES[sector]);
    return {
      en: `${place.en} ${brand[0]} ${line[0]} (Pvt.) Ltd.`,
      ur: `${place.ur ?? place.en} ${brand[1]} ${line[1]} (پرائیویٹ) لمیٹڈ`,
    };
  }
  const brand = pick(rng, BRANDS);
  const line = pick(rng, CN_LINES[sector]);
  return { en: `${place.en} ${brand[1]} ${line[1]} Co., Ltd.`, zh: `${place.zh ?? ''}${brand[0]}${line[0]}有限公司` };
}

export function incubatorName(rng: Rng, country: string, place: Place): Names {
  if (country === 'PK') {
    const brand = pick(rng, PK_BRANDS);
    return { en: `${brand[0]} Incubation Center ${place.en}`, ur: `${brand[1]} انکیوبیشن سینٹر ${place.ur ?? place.en}` };
  }
  const brand = pick(rng, BRANDS);
  return { en: `${place.en} ${brand[1]} Technology Business Incubator`, zh: `${place.zh ?? ''}${brand[0]}科技企业孵化器` };
}

/** The short form of a division's name a company name starts with: 武汉市 → 武汉, "Wuhan City" → Wuhan. */
export function placeOf(names: { en: string; zh?: string; ur?: string } | null | undefined): Place {
  if (!names) return { zh: null, en: '', ur: null };
  const zh = names.zh ? names.zh.replace(/(市|省|自治区|特别行政区)$/u, '') : null;
  return { zh, en: names.en.replace(/\s+(City|Shi|Province)$/i, ''), ur: names.ur ?? null };
}
