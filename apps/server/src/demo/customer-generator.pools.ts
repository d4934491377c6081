/** The name, place and trade pools of the demo/benchmark customer generator. */

import type { GeneratedCustomerType } from './customer-generator';

// ---------------------------------------------------------------------------------------------
// Pools, kept compact as text. Weighted pools are expanded once (weight 3: the item appears 3 times).

const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): T[] =>
  entries.flatMap(([item, weight]) => Array.from({ length: weight }, () => item));

/** `'a, b c, d'` → ['a', 'b c', 'd']. */
const list = (text: string, separator = ','): string[] => text.split(separator).map((item) => item.trim());

/** `'a:3, b:1'` → a weighted pool of strings. */
const weightedList = (text: string, separator = ','): string[] =>
  weighted(
    list(text, separator).map((entry) => {
      const colon = entry.lastIndexOf(':');
      return [entry.slice(0, colon), Number(entry.slice(colon + 1))] as const;
    }),
  );

/** One row per line, fields separated by `|`. */
const table = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((field) => field.trim()));

/** Characters and their pinyin, as two parallel lists. */
const withPinyin = (chars: string, pinyin: string): Array<readonly [string, string]> => {
  const characters = Array.from(chars);
  const syllables = pinyin.split(' ');
  if (characters.length !== syllables.length) {
    throw new Error(`pinyin list mismatch: ${characters.length} characters, ${syllables.length} syllables`);
  }
  return characters.map((char, index) => [char, syllables[index] as string] as const);
};

/** Brand (字号) characters: two of them make ~25,000 brands. */
export const BRAND_CHARS = withPinyin(
  '星云华信天宇海博瑞恒泰鼎盛达通远新创智联中金银鑫宏伟嘉佳美丰德安康健益众和合润源泉峰山川江河湖林森禾青蓝紫红光明辉耀晨曦阳东南西北方正诚实卓越优品尚雅致精锐捷迅飞腾龙凤鹏鹰骏驰航舟帆启立建兴隆昌旺富祥福喜乐欣悦扬志凯胜威力强坤乾元亿万千百汇聚集展拓锦绣璟琪瑶睿思维图数网易迪奥佰朗晟昊浩瀚泽沃澜涛杰英豪鸿',
  'xing yun hua xin tian yu hai bo rui heng tai ding sheng da tong yuan xin chuang zhi lian zhong jin yin xin hong wei jia jia mei feng de an kang jian yi zhong he he run yuan quan feng shan chuan jiang he hu lin sen he qing lan zi hong guang ming hui yao chen xi yang dong nan xi bei fang zheng cheng shi zhuo yue you pin shang ya zhi jing rui jie xun fei teng long feng peng ying jun chi hang zhou fan qi li jian xing long chang wang fu xiang fu xi le xin yue yang zhi kai sheng wei li qiang kun qian yuan yi wan qian bai hui ju ji zhan tuo jin xiu jing qi yao rui si wei tu shu wang yi di ao bai lang sheng hao hao han ze wo lan tao jie ying hao hong',
);

/** Common surnames, the most common ones several times. */
export const SURNAMES = weighted([
  ...withPinyin('王李张', 'wang li zhang').map((entry) => [entry, 7] as const),
  ...withPinyin('刘陈', 'liu chen').map((entry) => [entry, 5] as const),
  ...withPinyin('杨黄赵吴周', 'yang huang zhao wu zhou').map((entry) => [entry, 2] as const),
  ...withPinyin(
    '徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史',
    'xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang xu han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai yu du ye cheng su wei lv ding ren shen yao lu jiang cui zhong tan lu wang fan jin shi liao jia xia wei fu fang bai zou meng xiong qin qiu jiang yin xue yan duan lei hou long shi',
  ).map((entry) => [entry, 1] as const),
  [['欧阳', 'ouyang'] as const, 1],
] as const);

export const GIVEN_CHARS = withPinyin(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏宇浩婷雪琳晨欣怡佳子梓涵轩博思雨嘉俊峰海波斌凯鑫颖倩慧丹宁亮健志东晓春金兰燕梅冬荣成飞龙林国永新庆一诗然天安昊泽瑞翔悦彤萱晴阳帆卫玲',
  'wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xiu xia ping gang gui ying hua yu ping hong jian wen hui li peng yu hao ting xue lin chen xin yi jia zi zi han xuan bo si yu jia jun feng hai bo bin kai xin ying qian hui dan ning liang jian zhi dong xiao chun jin lan yan mei dong rong cheng fei long lin guo yong xin qing yi shi ran tian an hao ze rui xiang yue tong xuan qing yang fan wei ling',
);

export const ENGLISH_FIRST_NAMES = list(
  'James, John, Robert, Michael, William, David, Richard, Thomas, Daniel, Matthew, Mark, Paul, Steven, Andrew, Kevin, Brian, George, Edward, Peter, Eric, Mary, Patricia, Jennifer, Linda, Elizabeth, Susan, Jessica, Sarah, Karen, Nancy, Lisa, Emily, Emma, Olivia, Sophia, Grace, Chloe, Anna, Laura, Rachel, Oliver, Henry, Lucas, Jack, Noah, Liam, Ethan, Mia, Amelia, Hannah',
);
export const ENGLISH_LAST_NAMES = list(
  'Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore, Martin, Jackson, Thompson, White, Harris, Clark, Lewis, Walker, Hall, Allen, Young, King, Wright, Scott, Green, Baker, Adams, Nelson, Carter, Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Murphy, Cook, Rogers, Morgan, Cooper, Peterson, Reed, Bailey',
);

export interface City {
  province: string;
  city: string;
  /** In company names: 北京星云科技有限公司. */
  short: string;
  areaCode: string;
  districts: string[];
}

/** Province | city | area code | districts | weight (bigger cities have more customers). */
export const CITIES: City[] = weighted(
  table(`
    北京市|北京市|010|朝阳区 海淀区 东城区 西城区 丰台区 通州区|10
    上海市|上海市|021|浦东新区 徐汇区 静安区 黄浦区 长宁区 闵行区|10
    广东省|深圳市|0755|南山区 福田区 罗湖区 宝安区 龙岗区 龙华区|8
    广东省|广州市|020|天河区 越秀区 海珠区 番禺区 白云区|7
    浙江省|杭州市|0571|西湖区 上城区 拱墅区 滨江区 余杭区|6
    江苏省|苏州市|0512|姑苏区 虎丘区 吴中区 相城区 吴江区|4
    江苏省|南京市|025|玄武区 秦淮区 鼓楼区 建邺区 江宁区|4
    四川省|成都市|028|锦江区 青羊区 武侯区 成华区 金牛区|5
    湖北省|武汉市|027|江岸区 江汉区 武昌区 洪山区|4
    重庆市|重庆市|023|渝中区 江北区 南岸区 渝北区|4
    天津市|天津市|022|和平区 南开区 河西区 滨海新区|3
    陕西省|西安市|029|雁塔区 碑林区 未央区 莲湖区|3
    湖南省|长沙市|0731|芙蓉区 天心区 岳麓区 开福区|3
    河南省|郑州市|0371|金水区 中原区 二七区 管城回族区|3
    山东省|青岛市|0532|市南区 市北区 崂山区 黄岛区|3
    山东省|济南市|0531|历下区 市中区 槐荫区 历城区|2
    广东省|东莞市|0769|莞城街道 南城街道 东城街道 长安镇|3
    广东省|佛山市|0757|禅城区 南海区 顺德区|2
    浙江省|宁波市|0574|海曙区 江北区 鄞州区|2
    浙江省|温州市|0577|鹿城区 龙湾区 瓯海区|2
    江苏省|无锡市|0510|梁溪区 滨湖区 新吴区|2
    福建省|厦门市|0592|思明区 湖里区 集美区|2
    福建省|福州市|0591|鼓楼区 台江区 仓山区|2
    安徽省|合肥市|0551|蜀山区 包河区 庐阳区|2
    辽宁省|沈阳市|024|和平区 沈河区 皇姑区|2
    辽宁省|大连市|0411|中山区 西岗区 沙河口区|2
    黑龙江省|哈尔滨市|0451|道里区 南岗区 香坊区|1
    吉林省|长春市|0431|朝阳区 南关区 绿园区|1
    河北省|石家庄市|0311|长安区 桥西区 裕华区|1
    山西省|太原市|0351|小店区 迎泽区 杏花岭区|1
    云南省|昆明市|0871|五华区 盘龙区 官渡区|1
    广西壮族自治区|南宁市|0771|青秀区 兴宁区 西乡塘区|1
    江西省|南昌市|0791|东湖区 西湖区 青山湖区|1
    贵州省|贵阳市|0851|南明区 云岩区 观山湖区|1
    海南省|海口市|0898|龙华区 美兰区|1
  `).map(([province = '', name = '', areaCode = '', districts = '', weight]) => [
    { province, city: name, short: name.replace(/市$/, ''), areaCode, districts: districts.split(' ') },
    Number(weight),
  ]),
);

export interface Trade {
  /** In Chinese names: 科技, 贸易, … */
  word: string;
  /** In English names: Technologies, Trading, … */
  english: string;
  /** In domains: tech, trade, … */
  slug: string;
  industry: string;
}

/**
 * Chinese word | English word | domain slug | industry | weight. 科技 is in ~14% of the weight, so
 * in ~10% of all names: a realistic hit rate for `q=科技`.
 */
export const TRADES: Trade[] = weighted(
  table(`
    科技|Technologies|tech|信息技术|7
    网络科技|Networks|net|互联网|4
    信息技术|Information Technology|it|信息技术|4
    软件|Software|soft|软件|3
    电子|Electronics|elec|电子|5
    电子商务|E-Commerce|ec|电子商务|2
    贸易|Trading|trade|贸易|8
    商贸|Commerce|trade|贸易|5
    进出口|Import & Export|imex|贸易|2
    物流|Logistics|logistics|物流|4
    供应链管理|Supply Chain|scm|物流|2
    医疗器械|Medical|med|医疗健康|3
    生物科技|Biotech|bio|医疗健康|2
    医药|Pharma|pharma|医疗健康|2
    教育科技|Education|edu|教育培训|2
    教育咨询|Learning|edu|教育培训|2
    餐饮管理|Restaurants|food|餐饮|3
    食品|Foods|food|食品|3
    建筑工程|Construction|build|建筑|3
    建设工程|Engineering|build|建筑|2
    装饰工程|Interiors|deco|建筑|2
    管理咨询|Consulting|consult|咨询服务|3
    企业管理咨询|Advisory|consult|咨询服务|2
    文化传媒|Media|media|文化传媒|3
    广告|Advertising|ad|广告营销|2
    机械设备|Machinery|mach|制造业|3
    精密机械|Precision|mach|制造业|1
    新能源|Energy|energy|能源|2
    环保科技|Environmental|eco|环保|1
    化工|Chemicals|chem|化工|2
    服饰|Apparel|fashion|服装|2
    家居|Home|home|家居|2
    汽车服务|Motors|auto|汽车|2
    房地产开发|Properties|realty|房地产|1
    投资|Capital|invest|金融|2
    实业|Industries|group|综合|3
    农业发展|Agriculture|agri|农业|2
    旅游|Travel|travel|旅游|1
    印刷|Printing|print|印刷包装|1
    包装材料|Packaging|pack|印刷包装|1
    人力资源|Staffing|hr|人力资源|1
    电气|Electric|electric|电气|2
    新材料|Materials|material|新材料|1
  `).map(([word = '', english = '', slug = '', industry = '', weight]) => [
    { word, english, slug, industry },
    Number(weight),
  ]),
);

export const LEGAL_SUFFIXES = weightedList(
  '有限公司:60, 股份有限公司:12, 有限责任公司:12, 集团有限公司:4, 厂:3, 工作室:3, 商行:2, 经营部:2',
);
export const ENGLISH_BRANDS = list(
  'Acme, Apex, Blue River, Northwind, Summit, Pioneer, Evergreen, Silverline, Golden Gate, Redwood, Oakridge, Brightstar, Horizon, Pacific, Atlas, Orion, Vertex, Nova, Lumen, Crescent, Harbor, Granite, Falcon, Maple, Cedar, Sterling, Beacon, Keystone, Meridian, Zenith, Polaris, Everest, Sapphire, Emerald, Cobalt, Quantum, Vanguard, Unity, Liberty, Phoenix, Starlight, Bluewave, Ironbridge, Clearwater, Westfield, Eastgate, Silverlake, Highland, Riverside, Stonegate, Greenleaf, Sunrise, Trident, Aurora, Lighthouse, Northstar, Coastal, Premier, Fusion, Nimbus',
);
export const ENGLISH_SUFFIXES = weightedList(
  'Ltd.:5 | Co., Ltd.:5 | Inc.:4 | LLC:3 | Limited:2 | Corp.:2 | GmbH:1 | Pte. Ltd.:1 | Group:1 | PLC:1',
  '|',
);
export const TOP_LEVEL_DOMAINS = weightedList('com:6, cn:3, com.cn:3, net:1');
export const MAIL_PROVIDERS = weightedList(
  'qq.com:30, 163.com:20, 126.com:8, foxmail.com:6, gmail.com:8, outlook.com:6, hotmail.com:4, sina.com:4, icloud.com:4, 139.com:3, aliyun.com:3, sohu.com:2, yahoo.com:2',
);
export const COMPANY_MAILBOXES = list('info, sales, contact, service, admin, market, bd, office, hr');
export const MOBILE_PREFIXES = list(
  '130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 147, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 170, 171, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 191, 198, 199',
);

export const TYPES = weightedList('intent:35, potential:30, deal:25, inactive:10') as GeneratedCustomerType[];
export const LEVELS = weighted<'A' | 'B' | 'C' | null>([
  ['A', 15],
  ['B', 30],
  ['C', 30],
  [null, 25],
]);
/** Website, referral, exhibition, cold call, web form, search, social, ads, existing customer, partner, event. */
export const SOURCES = weightedList(
  '官网:14, 转介绍:14, 展会:10, 电话营销:10, 网络表单:12, 搜索引擎:10, 社交媒体:8, 广告投放:6, 老客户:6, 合作伙伴:6, 线下活动:4',
);
export const TAGS = list(
  '重点客户, VIP, 老客户, 新客户, 待跟进, 高意向, 长期合作, 价格敏感, 渠道商, 代理商, 政府机构, 国企, 外企, 上市公司, 中小企业, 年度框架, 需要报价, 已签约, 暂停合作, 潜力客户',
);
export const TAG_COUNTS = weightedList('0:35, 1:35, 2:20, 3:10').map(Number);
export const CONTACT_COUNTS = weightedList('1:45, 2:35, 3:20').map(Number);

export const ROADS = list(
  '中山路, 人民路, 解放路, 建设路, 和平路, 长江路, 黄河路, 南京路, 北京路, 延安路, 青年路, 胜利路, 新华路, 文化路, 幸福路, 光明路, 朝阳路, 学府路, 科技园路, 创业路, 东风路, 工业大道, 滨江大道, 世纪大道, 金融街, 高新大道, 迎宾大道, 环城路, 友谊路, 花园路, 湖滨路, 望江路, 中心大道, 滨河路',
);
export const BUILDINGS = list(
  '国际大厦, 金融中心, 科技大厦, 商务中心, 创业大厦, 环球中心, 时代广场, 国贸中心, 财富中心, 软件园, 产业园, 创意园',
);

export const CHINESE_TITLES = list(
  '总经理, 副总经理, 董事长, 采购经理, 采购专员, 销售总监, 市场经理, 财务经理, 财务主管, 行政主管, 人事经理, 技术总监, IT经理, 项目经理, 运营总监, 办公室主任, 总工程师, 法务专员',
);
export const ENGLISH_TITLES = list(
  'CEO, General Manager, Purchasing Manager, Procurement Specialist, Sales Director, Marketing Manager, Finance Manager, CFO, CTO, IT Manager, Project Manager, Operations Director, Office Manager, HR Manager, Founder',
);
export const PRODUCTS = list('CRM 系统, 年度服务, 企业套餐, 定制开发, 数据服务, 培训服务, 硬件设备, 云服务');
